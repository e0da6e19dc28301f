package org.athanor.simulators.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.simulators.furnace.FurnaceModel;
import org.athanor.simulators.furnace.FurnaceSpec;
import org.athanor.simulators.world.HeatRecord;
import org.athanor.units.Units;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.WorkflowJson;

/**
 * A furnace ({@code box-furnace-*}, {@code tube-furnace-1}): program, door, gas and occupancy over
 * {@link FurnaceModel}'s physics; every integration step heats the samples inside in the {@code SynthesisWorld}.
 * A program ends (Running → Stopped) when its last hold is over and the chamber has cooled to ≤ 100 °C.
 */
public final class Furnace extends SynthesisInstrument {

    static final double UNLOAD_TEMPERATURE_C = 100;
    /** Gas flow follows its setpoint with a mass-flow-controller time constant of ~10 s. */
    static final double FLOW_TAU_S = 10;

    private final FurnaceModel model;
    private final List<String> occupants = new ArrayList<>();
    private Atmosphere atmosphere = Atmosphere.AIR;
    private double flowTarget;
    private double flow;
    private List<String> programSamples = List.of();

    public Furnace(FurnaceSpec spec, LabContext lab) {
        super(spec.id(), lab);
        this.model = new FurnaceModel(spec);
    }

    @Override
    public String model() {
        return spec().slots() > 1 ? "Athanor simulated box furnace" : "Athanor simulated tube furnace";
    }

    public FurnaceSpec spec() {
        return model.spec();
    }

    public synchronized double temperatureC() {
        advance();
        return model.reportedTemperatureC();
    }

    public synchronized double trueTemperatureC() {
        advance();
        return model.temperatureC();
    }

    public synchronized double setpointC() {
        advance();
        return model.setpointC();
    }

    public synchronized double gasFlow() {
        advance();
        return flow;
    }

    public synchronized double gasFlowTarget() {
        return flowTarget;
    }

    public synchronized String atmosphereGas() {
        return atmosphere.gas();
    }

    @Override
    public synchronized boolean doorOpen() {
        return model.doorOpen();
    }

    @Override
    public synchronized int occupancy() {
        return occupants.size();
    }

    @Override
    public synchronized String occupantsJson() {
        return json(occupants);
    }

    public synchronized List<String> occupants() {
        return List.copyOf(occupants);
    }

    public String setDoor(String commandId, String approvalToken, boolean open) {
        return command(commandId, approvalToken, false, () -> {
            if (open && currentState().equals(RUNNING)) {
                return "rejected: " + id + " is running a program; the door stays closed";
            }
            if (open && model.temperatureC() > UNLOAD_TEMPERATURE_C) {
                return "rejected: chamber is at " + Math.round(model.temperatureC()) + " °C, above " + UNLOAD_TEMPERATURE_C + " °C";
            }
            model.setDoorOpen(open);
            return "accepted";
        });
    }

    public String startProgram(String commandId, String approvalToken, String programJson) {
        return command(commandId, approvalToken, false, () -> {
            if (isBusy()) {
                return "rejected: " + id + " is " + currentState();
            }
            if (model.doorOpen()) {
                return "rejected: door of " + id + " is open";
            }
            JsonNode program;
            try {
                program = WorkflowJson.mapper().readTree(programJson);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return "rejected: programJson is not JSON: " + e.getOriginalMessage();
            }
            List<HeatSegment> profile = new ArrayList<>();
            for (JsonNode s : program.path("profile")) {
                profile.add(WorkflowJson.mapper().convertValue(s, HeatSegment.class));
            }
            if (profile.isEmpty()) {
                return "rejected: program has an empty profile";
            }
            Atmosphere gas = program.has("atmosphere")
                    ? WorkflowJson.mapper().convertValue(program.get("atmosphere"), Atmosphere.class) : Atmosphere.AIR;
            if (!spec().accepts(gas.gas(), gas.effectiveH2Percent())) {
                return "rejected: " + id + " does not take " + gas.gas()
                        + (gas.containsHydrogen() ? " with " + Units.format(gas.effectiveH2Percent()) + " % H2" : "")
                        + " (gases: " + String.join(", ", new java.util.TreeSet<>(spec().gases())) + ")";
            }
            List<String> samples = new ArrayList<>();
            program.path("samples").forEach(n -> samples.add(n.asText()));
            for (String sample : samples) {
                if (!occupants.contains(sample)) {
                    return "rejected: sample " + sample + " is not in " + id;
                }
            }
            model.start(profile);
            atmosphere = gas;
            flowTarget = gas.flow() != null ? gas.flow().in("mL/min") : (gas.gas().equals("air") ? 0 : 100);
            programSamples = samples.isEmpty() ? List.copyOf(occupants) : List.copyOf(samples);
            beginRunning(commandId);
            return "accepted";
        });
    }

    @Override
    protected void advancePhysics(double seconds) {
        model.advance(seconds, (temperatureC, hours) -> {
            for (String sample : occupants) {
                lab.world().expose(sample, temperatureC, atmosphere, hours);
            }
        });
        flow = flowTarget + (flow - flowTarget) * Math.exp(-seconds / FLOW_TAU_S);
        boolean cool = model.temperatureC() <= UNLOAD_TEMPERATURE_C;
        if (currentState().equals(RUNNING) && model.programDone() && cool) {
            endProgram(true);
        } else if (currentState().equals(STOPPING) && cool) {
            endProgram(false);
        }
    }

    private void endProgram(boolean completed) {
        for (String sample : programSamples) {
            if (occupants.contains(sample)) {
                lab.world().recordHeat(sample, new HeatRecord(id, model.maxReachedC(), model.programHours(), atmosphere.gas()));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("completed", completed);
        fields.put("maxTemperatureC", Math.round(model.maxReachedC() * 10) / 10.0);
        fields.put("samples", programSamples);
        finish(fields, STOPPED);
        flowTarget = 0;
        lab.events().emit(new LabEvents.LabEvent(id, "program-finished", lab.clock().now(),
                "program " + runningCommandId() + (completed ? " completed" : " stopped early")));
    }

    @Override
    protected void onStop() {
        model.heaterOff();
        setState(STOPPING);
    }

    @Override
    protected void onAbort() {
        model.heaterOff();
        flowTarget = 0;
    }

    synchronized String refusalToLoad(String sampleId) {
        advance();
        if (currentState().equals(RUNNING) || currentState().equals(STOPPING)) {
            return id + " is " + currentState();
        }
        if (occupants.size() >= spec().slots()) {
            return id + " has no free slot (" + spec().slots() + " slots)";
        }
        if (model.temperatureC() > UNLOAD_TEMPERATURE_C) {
            return id + " is at " + Math.round(model.temperatureC()) + " °C; load at or below " + UNLOAD_TEMPERATURE_C + " °C";
        }
        return null;
    }

    synchronized String refusalToUnload(String sampleId, double maxPickC) {
        advance();
        if (currentState().equals(RUNNING) || currentState().equals(STOPPING)) {
            return id + " is " + currentState();
        }
        if (model.temperatureC() > maxPickC) {
            return "crucible " + sampleId + " is at " + Math.round(model.temperatureC()) + " °C, above " + maxPickC + " °C";
        }
        return null;
    }

    synchronized void load(String sampleId) {
        occupants.add(sampleId);
    }

    synchronized void unload(String sampleId) {
        occupants.remove(sampleId);
    }

    /** Fault: the thermocouple freezes at its current reading. */
    public synchronized void setStuckSensor(boolean stuck) {
        advance();
        model.setStuckSensor(stuck);
    }

    /** Fault: the door opens during a program; the interlock cuts the heater and the program aborts. */
    public synchronized void openDoorMidRun() {
        advance();
        model.setDoorOpen(true);
        lab.events().emit(new LabEvents.LabEvent(id, "door-opened", lab.clock().now(), "door opened during operation"));
        if (currentState().equals(RUNNING) || currentState().equals(STOPPING)) {
            fault(3, "door opened during program; heater interlock tripped");
        }
    }
}
