package org.athanor.agent.lab;

import java.util.HashMap;
import java.util.Map;
import org.athanor.clock.LabClock;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.InstrumentState;
import org.athanor.safety.lab.InstrumentReading;
import org.athanor.safety.lab.LabState;
import org.athanor.safety.lab.LiveState;

/**
 * Builds the gate's view of the live lab from what the drivers last heard. An instrument the drivers never heard from
 * gets no reading, and the gate treats an unknown instrument as unsafe.
 */
final class LiveStateReader {

    private final LabState lab;
    private final Map<String, ? extends Instrument> drivers;
    private final LabClock clock;

    LiveStateReader(LabState lab, Map<String, ? extends Instrument> drivers, LabClock clock) {
        this.lab = lab;
        this.drivers = drivers;
        this.clock = clock;
    }

    LiveState read() {
        Map<String, InstrumentReading> readings = new HashMap<>();
        Map<String, Double> crucibles = new HashMap<>();
        for (var e : drivers.entrySet()) {
            InstrumentState s = e.getValue().state();
            if (!s.online() || s.heartbeat() == null) {
                continue;
            }
            boolean doorClosed = s.doorOpen() == null || !s.doorOpen();
            boolean interlockClosed = s.interlock() == null || "ok".equals(s.interlock());
            double t = s.temperatureC() == null ? Double.NaN : s.temperatureC();
            readings.put(e.getKey(), new InstrumentReading(s.heartbeat(), null, doorClosed, interlockClosed, t));
            String occupants = s.extra().get("occupants");
            if (occupants != null && s.temperatureC() != null) {
                for (String sample : occupants.replaceAll("[\\[\\]\" ]", "").split(",")) {
                    if (!sample.isBlank()) {
                        crucibles.put(sample, s.temperatureC());
                    }
                }
            }
        }
        return new LiveState(lab, clock.now(), readings, crucibles);
    }
}
