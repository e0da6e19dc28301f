package org.athanor.instruments.config;

import java.util.List;

/**
 * An instrument's operating envelope, as the vendor or the lab states it (RULES.md §1 for the default lab).
 * Only the fields that apply to the instrument's kind are set; {@link LabConfig} checks that the ones a kind needs
 * are present.
 */
public record Limits(
        Double minDoseMg, Double maxDoseMg,
        Double maxDurationMin, Integer samplesAtOnce,
        Double maxPickTemperatureC,
        Double maxTemperatureC, Double maxRampCPerMin, Integer slots, List<String> gases, Double maxH2Percent, Boolean exhaust,
        Double twoThetaMinDeg, Double twoThetaMaxDeg,
        List<Laser> lasers) {

    public static Limits none() {
        return new Limits(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A Raman excitation laser and the most power it may put on the sample. */
    public record Laser(double wavelengthNm, double maxPowerMw) {
    }
}
