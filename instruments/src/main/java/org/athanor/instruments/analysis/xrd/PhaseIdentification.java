package org.athanor.instruments.analysis.xrd;

import java.util.List;

/**
 * Result of identifying the phases of one pattern.
 *
 * @param phases identified phases, largest weight fraction first
 * @param rwp    weighted-profile R factor of the final fit, percent
 * @param notes  what a reader should know: uncertain or interchangeable phases, unexplained peaks, a poor fit
 */
public record PhaseIdentification(List<IdentifiedPhase> phases, double rwp, List<String> notes) {

    public PhaseIdentification {
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }
}
