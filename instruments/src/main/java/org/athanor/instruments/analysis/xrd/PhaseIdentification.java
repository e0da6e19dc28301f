package org.athanor.instruments.analysis.xrd;

import java.util.List;

/**
 * Result of identifying the phases of one pattern.
 *
 * @param phases identified phases, largest weight fraction first
 * @param rwp    weighted-profile R factor of the final fit, percent
 * @param notes  what a reader should know: uncertain or interchangeable phases, unexplained peaks, a poor fit, an
 *               amorphous hump
 * @param amorphousShare share of the scattering in a broad hump under the peaks (X-ray amorphous material), 0–1; NaN
 *               when nothing was fitted. The weight fractions are of the crystalline phases only.
 */
public record PhaseIdentification(List<IdentifiedPhase> phases, double rwp, List<String> notes, double amorphousShare) {

    /** How the note on amorphous content begins. */
    public static final String AMORPHOUS_HUMP = "broad hump under the peaks:";
    /**
     * Amorphous share above which the identification notes it: above what a crystalline pattern's misfit leaves
     * (2–5 % on simulated crystalline patterns of 25–300 nm crystallites, measured patterns in the tests).
     */
    public static final double AMORPHOUS_NOTED_ABOVE = 0.05;

    public PhaseIdentification {
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }

    /** An identification with no amorphous reading (nothing fitted, or read from a record that has none). */
    public PhaseIdentification(List<IdentifiedPhase> phases, double rwp, List<String> notes) {
        this(phases, rwp, notes, Double.NaN);
    }
}
