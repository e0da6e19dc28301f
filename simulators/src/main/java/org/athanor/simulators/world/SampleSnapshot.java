package org.athanor.simulators.world;

import java.util.List;
import java.util.Map;

/**
 * What is true of a sample now: its precursors, mixing, heat history and phases (weight fractions summing to 1,
 * crystallite sizes in nm). This is the ground truth the XRD and Raman devices render; the agent never sees it.
 */
public record SampleSnapshot(String id, String crucible, String location, Map<String, Double> dispensedMg,
                             double mixingQuality, List<HeatRecord> heatHistory,
                             Map<String, Double> phaseWeightFractions, Map<String, Double> crystalliteSizeNm,
                             double totalMassMg) {

    public SampleSnapshot {
        dispensedMg = Map.copyOf(dispensedMg);
        heatHistory = List.copyOf(heatHistory);
        phaseWeightFractions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseWeightFractions));
        crystalliteSizeNm = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crystalliteSizeNm));
    }

    public double weightFraction(String phase) {
        return phaseWeightFractions.getOrDefault(phase, 0.0);
    }
}
