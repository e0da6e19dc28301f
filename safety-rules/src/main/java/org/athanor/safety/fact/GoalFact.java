package org.athanor.safety.fact;

/** The goal's own constraints in canonical units; NaN or null where the goal states nothing. */
public record GoalFact(double maxTemperatureC, double maxRampCPerMin, String gas, double h2Percent) {
}
