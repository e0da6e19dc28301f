package org.athanor.safety.fact;

/** A derived fact: the sample contains this element, from precursor {@code formula}. */
public record SampleElement(String sample, String element, String formula, String stepId) {
}
