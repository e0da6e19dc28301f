package org.athanor.simulators.furnace;

import java.util.List;
import org.athanor.workflow.HeatSegment;

/**
 * The thermal physics of one furnace, advanced in small steps of lab time (no wall-clock thread).
 *
 * <p>The controller's setpoint follows the program: ramp at min(requested, limit) to each segment's temperature, then
 * hold for the segment's time (counted from when the setpoint arrives, as PID controllers such as the Eurotherm
 * 3216 do). The chamber follows the setpoint with first-order lag τ_lag, but never cools faster than natural cooling
 * toward room temperature with τ_cool (a furnace has no active cooling). After the last hold the heater turns off.
 * An open door quadruples the heat loss.
 */
public final class FurnaceModel {

    /** Integration step, s: a sixth of the shortest lag (2 min); the exponential update is exact for a fixed setpoint and a ramp moves the setpoint ≤ 3.3 °C per step. */
    static final double STEP_S = 20;

    /** Receives each integration step: the chamber temperature and the step's length in hours. */
    public interface StepListener {
        void step(double temperatureC, double hours);
    }

    private final FurnaceSpec spec;
    private double temperatureC = FurnaceSpec.ROOM_TEMPERATURE_C;
    private double setpointC = FurnaceSpec.ROOM_TEMPERATURE_C;
    private double maxReachedC = FurnaceSpec.ROOM_TEMPERATURE_C;
    private boolean heaterOn;
    private boolean doorOpen;
    private boolean stuckSensor;
    private double stuckReadingC;
    private List<HeatSegment> program = List.of();
    private int segment;
    private double holdElapsedS;
    private double programHours;

    public FurnaceModel(FurnaceSpec spec) {
        this.spec = spec;
    }

    public FurnaceSpec spec() {
        return spec;
    }

    /** Starts a program from the current temperature; segment temperatures and ramps must be within the envelope. */
    public void start(List<HeatSegment> segments) {
        for (HeatSegment s : segments) {
            if (s.temperature().celsius() > spec.maxTemperatureC()) {
                throw new IllegalArgumentException(spec.id() + " is limited to " + spec.maxTemperatureC() + " °C, program asks "
                        + s.temperature());
            }
            if (s.rampRate().celsiusPerMinute() <= 0 || s.hold().hours() < 0) {
                throw new IllegalArgumentException("a segment needs a positive ramp and a non-negative hold");
            }
        }
        program = List.copyOf(segments);
        segment = 0;
        holdElapsedS = 0;
        programHours = 0;
        setpointC = temperatureC;
        maxReachedC = temperatureC;
        heaterOn = !program.isEmpty();
    }

    /** Heater off now (Stop, Abort, door interlock). */
    public void heaterOff() {
        heaterOn = false;
        setpointC = FurnaceSpec.ROOM_TEMPERATURE_C;
    }

    public void setDoorOpen(boolean open) {
        doorOpen = open;
    }

    public boolean doorOpen() {
        return doorOpen;
    }

    public boolean heaterOn() {
        return heaterOn;
    }

    /** The program's heater-on part has finished (all holds done). */
    public boolean programDone() {
        return !heaterOn;
    }

    /** The true chamber temperature. */
    public double temperatureC() {
        return temperatureC;
    }

    /** What the thermocouple reports: the true temperature, unless a stuck-sensor fault froze it. */
    public double reportedTemperatureC() {
        return stuckSensor ? stuckReadingC : temperatureC;
    }

    public void setStuckSensor(boolean stuck) {
        if (stuck && !stuckSensor) {
            stuckReadingC = temperatureC;
        }
        stuckSensor = stuck;
    }

    public double setpointC() {
        return setpointC;
    }

    public double maxReachedC() {
        return maxReachedC;
    }

    public double programHours() {
        return programHours;
    }

    /** Advances the physics by {@code seconds} of lab time, reporting every step to {@code listener}. */
    public void advance(double seconds, StepListener listener) {
        double left = seconds;
        while (left > 1e-9) {
            double dt = Math.min(STEP_S, left);
            step(dt);
            listener.step(temperatureC, dt / 3600);
            left -= dt;
        }
    }

    private void step(double dt) {
        if (heaterOn) {
            advanceSetpoint(dt);
            programHours += dt / 3600;
        }
        double coolingTau = spec.coolingMinutes() * 60 / (doorOpen ? 4 : 1);
        double natural = FurnaceSpec.ROOM_TEMPERATURE_C + (temperatureC - FurnaceSpec.ROOM_TEMPERATURE_C) * Math.exp(-dt / coolingTau);
        if (heaterOn) {
            double lagTau = spec.lagMinutes() * 60;
            double driven = setpointC + (temperatureC - setpointC) * Math.exp(-dt / lagTau);
            temperatureC = Math.max(driven, natural);
        } else {
            temperatureC = natural;
        }
        maxReachedC = Math.max(maxReachedC, temperatureC);
    }

    private void advanceSetpoint(double dt) {
        double left = dt;
        while (left > 0 && segment < program.size()) {
            HeatSegment s = program.get(segment);
            double target = s.temperature().celsius();
            double rate = Math.min(s.rampRate().celsiusPerMinute(), spec.maxRampCPerMin()) / 60;
            if (Math.abs(setpointC - target) > 1e-9) {
                double needed = Math.abs(target - setpointC) / rate;
                double used = Math.min(needed, left);
                setpointC += Math.signum(target - setpointC) * rate * used;
                if (used >= needed) {
                    setpointC = target;
                }
                left -= used;
            } else {
                double holdS = s.hold().hours() * 3600;
                double used = Math.min(holdS - holdElapsedS, left);
                holdElapsedS += used;
                left -= used;
                if (holdElapsedS >= holdS - 1e-9) {
                    segment++;
                    holdElapsedS = 0;
                }
            }
        }
        if (segment >= program.size()) {
            heaterOff();
        }
    }
}
