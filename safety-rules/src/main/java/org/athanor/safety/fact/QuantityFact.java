package org.athanor.safety.fact;

/**
 * One quantity as written in a step: its value and unit, the dimension the parameter needs, and the dimension the
 * unit has ("unknown" for a unit the lab does not know).
 */
public record QuantityFact(String stepId, String name, double value, String unit, String expected, String dimension,
                           boolean finite) {
}
