package org.athanor.agent.lab;

import java.time.Duration;
import java.time.Instant;
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
        Instant labNow = clock.now();
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
            readings.put(e.getKey(), new InstrumentReading(heartbeat(s, labNow), null, doorClosed, interlockClosed, t));
            String occupants = s.extra().get("occupants");
            if (occupants != null && s.temperatureC() != null) {
                for (String sample : occupants.replaceAll("[\\[\\]\" ]", "").split(",")) {
                    if (!sample.isBlank()) {
                        crucibles.put(sample, s.temperatureC());
                    }
                }
            }
        }
        return new LiveState(lab, labNow, readings, crucibles);
    }

    /**
     * When the device was last heard from, on the lab clock. On hardware the lab clock is the wall clock and this is
     * the device's own heartbeat. In a dry run the simulated clock runs {@code pace} times faster than any device can
     * publish, so silence is measured in wall time since the driver last received anything, laid back from the lab's
     * "now": a device silent for 10 wall seconds is stale at any pace, one that spoke a millisecond ago is not.
     */
    private Instant heartbeat(InstrumentState s, Instant labNow) {
        if (clock.pace() == 1.0 || s.receivedAt() == null) {
            return s.heartbeat();
        }
        Duration silence = Duration.between(s.receivedAt(), Instant.now());
        return labNow.minus(silence.isNegative() ? Duration.ZERO : silence);
    }
}
