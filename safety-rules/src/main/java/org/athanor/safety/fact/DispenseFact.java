package org.athanor.safety.fact;

/** A dispense step: {@code grams} of {@code formula} into {@code sample} (NaN when the mass is unusable). */
public record DispenseFact(String stepId, int index, String sample, String instrument, String formula, double grams) {
}
