package org.athanor.instruments.analysis.xrd;

/**
 * A phase found in a pattern.
 *
 * @param id             library id (the CIF's file stem)
 * @param formula        reduced formula
 * @param weightFraction mass fraction among the identified crystalline phases, 0–1
 * @param confidence     0–1: how much the fit worsens without it, how completely its lines are seen, and whether
 *                       another library phase would do as well; below 0.5 the phase is uncertain
 * @param strain         refined isotropic lattice strain relative to the library cell (−0.01 = cell 1 % smaller)
 */
public record IdentifiedPhase(String id, String formula, double weightFraction, double confidence, double strain) {

    /** Confidence below which a phase is reported as uncertain. */
    public static final double UNCERTAIN_BELOW = 0.5;

    public boolean uncertain() {
        return confidence < UNCERTAIN_BELOW;
    }
}
