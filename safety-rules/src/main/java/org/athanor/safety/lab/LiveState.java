package org.athanor.safety.lab;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The lab as it is at dispatch time: its configuration (for limits such as the heartbeat timeout and the robot's pick
 * temperature), the time, each instrument's live reading and the measured crucible temperatures per sample (°C).
 * An instrument or crucible missing here is unknown, and unknown is never treated as safe.
 */
public record LiveState(LabState lab, Instant now, Map<String, InstrumentReading> instruments,
                        Map<String, Double> crucibleTemperaturesC) {

    public LiveState {
        instruments = Map.copyOf(instruments);
        crucibleTemperaturesC = Map.copyOf(crucibleTemperaturesC);
    }

    /** Every instrument of the lab idle and healthy at {@code now}, at {@code roomC}; no crucible readings. */
    public static LiveState allIdle(LabState lab, Instant now, double roomC) {
        Map<String, InstrumentReading> readings = new HashMap<>();
        lab.instruments().forEach(i -> readings.put(i.id(), InstrumentReading.idle(now, roomC)));
        return new LiveState(lab, now, readings, Map.of());
    }

    public LiveState with(String instrument, InstrumentReading reading) {
        Map<String, InstrumentReading> copy = new HashMap<>(instruments);
        copy.put(instrument, reading);
        return new LiveState(lab, now, copy, crucibleTemperaturesC);
    }

    public LiveState withCrucible(String sample, double celsius) {
        Map<String, Double> copy = new HashMap<>(crucibleTemperaturesC);
        copy.put(sample, celsius);
        return new LiveState(lab, now, instruments, copy);
    }

    public LiveState at(Instant time) {
        return new LiveState(lab, time, instruments, crucibleTemperaturesC);
    }
}
