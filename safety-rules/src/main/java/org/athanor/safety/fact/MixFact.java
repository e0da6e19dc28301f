package org.athanor.safety.fact;

/** A mix step and its duration in minutes (NaN when not given). */
public record MixFact(String stepId, String sample, String instrument, double minutes) {
}
