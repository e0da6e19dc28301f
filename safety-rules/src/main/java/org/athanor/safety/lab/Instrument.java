package org.athanor.safety.lab;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One instrument of the lab and its envelope, in canonical units (°C, °C/min, g, min, degrees 2θ, nm, mW, s).
 * A limit that does not apply is NaN (or 0 slots: no limit); rules never compare against a constant of their own.
 *
 * @param actions              step actions this instrument performs (heat, dispense, …)
 * @param slots                samples it holds at once; 0 when unlimited
 * @param gases                atmospheres a furnace is rated for (schema gas names)
 * @param maxH2Percent         highest H2 volume fraction the furnace is rated for
 * @param exhaust              true when the furnace vents to an exhaust (toxic off-gas is then handled)
 * @param maxPickTemperatureC  hottest crucible a transfer arm may pick
 * @param maxLoadTemperatureC  hottest a furnace may be when a crucible is loaded ("room temperature")
 * @param heartbeatTimeoutS    a heartbeat older than this means the instrument is not answering
 * @param source               where these limits come from
 */
public record Instrument(
        String id,
        String kind,
        Set<String> actions,
        double maxTemperatureC,
        double maxRampCPerMin,
        int slots,
        Set<String> gases,
        double maxH2Percent,
        boolean exhaust,
        double minDoseG,
        double maxDoseG,
        double maxMixMinutes,
        double twoThetaMinDeg,
        double twoThetaMaxDeg,
        Set<Double> lasersNm,
        double maxLaserPowerMw,
        double maxPickTemperatureC,
        double maxLoadTemperatureC,
        double heartbeatTimeoutS,
        String source) {

    public Instrument {
        // Sorted, so the lab's canonical form (and the inputs hash) is the same in every JVM.
        actions = Collections.unmodifiableSortedSet(new TreeSet<>(actions));
        gases = Collections.unmodifiableSortedSet(new TreeSet<>(gases));
        lasersNm = Collections.unmodifiableSortedSet(new TreeSet<>(lasersNm));
    }

    public boolean performs(String action) {
        return actions.contains(action);
    }

    public boolean isFurnace() {
        return actions.contains("heat");
    }
}
