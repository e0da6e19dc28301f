package org.athanor.instruments.analysis.raman;

import java.util.List;

/**
 * How well one reference phase explains the observed bands.
 *
 * @param score   matched share of the phase's reference intensity, 0–1
 * @param matched reference bands found, each with the observed (offset-corrected) position
 * @param missing reference bands not found
 */
public record RamanPhaseMatch(String phase, String formula, double score, List<ModeMatch> matched, List<RamanMode> missing) {

    public RamanPhaseMatch {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
    }

    /** A reference band and the observed band assigned to it (position after the axis offset is applied). */
    public record ModeMatch(RamanMode reference, double observedShift) {
    }
}
