package org.athanor.simulators.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hidden, mutable state of one sample (crucible) in the simulated world. Only {@link SynthesisWorld} touches it;
 * everything outside sees a {@link SampleSnapshot}.
 */
final class Sample {

    final String id;
    final String crucible;
    /** Precursor formula → dispensed mass in mg (the actual, after the doser's scatter). */
    final Map<String, Double> dispensedMg = new LinkedHashMap<>();
    /** Hidden progress variables of the chemistry model (reduced times, lost fractions). */
    final Map<String, Double> progress = new LinkedHashMap<>();
    /** Grain-growth reduced time at which each phase first appeared, for its crystallite size. */
    final Map<String, Double> growthAtAppearance = new LinkedHashMap<>();
    final List<HeatRecord> heatHistory = new ArrayList<>();
    /** Batch-to-batch factor on every reaction rate, drawn once per sample from the world's seed. */
    final double rateFactor;
    double mixingQuality = SynthesisWorld.UNMIXED_QUALITY;
    double growthReducedTime;
    /** The hottest the sample has been, °C: precursors that decompose below it are found as their residue. */
    double hottestC = 25;
    String location = "rack";
    ChemistryModel model;

    Sample(String id, String crucible, double rateFactor) {
        this.id = id;
        this.crucible = crucible;
        this.rateFactor = rateFactor;
    }

    double progress(String key) {
        return progress.getOrDefault(key, 0.0);
    }

    void addProgress(String key, double amount) {
        progress.merge(key, amount, Double::sum);
    }

    /** Moles of a dispensed precursor. */
    double moles(String formula) {
        return dispensedMg.getOrDefault(formula, 0.0) / 1000.0 / FormulaMass.of(formula);
    }

    /** Rate multiplier from mixing quality: a poorly mixed powder reacts through fewer contacts. */
    double contactFactor() {
        return 0.25 + 0.75 * mixingQuality;
    }
}
