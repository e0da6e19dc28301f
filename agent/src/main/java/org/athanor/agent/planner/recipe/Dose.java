package org.athanor.agent.planner.recipe;

/** One precursor to dispense for one batch: its formula and mass in grams. */
public record Dose(String material, double grams) {
}
