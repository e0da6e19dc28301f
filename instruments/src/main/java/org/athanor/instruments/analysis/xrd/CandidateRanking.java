package org.athanor.instruments.analysis.xrd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.athanor.instruments.analysis.signal.DetectedPeak;

/**
 * Search–match: ranks library phases by how well their lines meet the observed peaks, scanning an isotropic lattice
 * strain (reference cells may be DFT-relaxed, about 1 % too large, or thermally expanded) so that a uniformly
 * shifted pattern still matches.
 */
final class CandidateRanking {

    /** Strain scanned, ± (DFT cells are up to ~1 % off; solid solutions and temperature add a little). */
    static final double MAX_STRAIN = 0.02;
    private static final double STRAIN_STEP = 0.0005;
    /** Lines weaker than this share of a phase's strongest in-range line are not used for matching. */
    private static final double MIN_LINE = 0.02;

    private final double wavelength;
    private final double tt0;
    private final double tt1;
    private final double tolerance;

    /**
     * @param tolerance largest distance in 2θ degrees between a line and the peak that matches it
     */
    CandidateRanking(double wavelength, double tt0, double tt1, double tolerance) {
        this.wavelength = wavelength;
        this.tt0 = tt0;
        this.tt1 = tt1;
        this.tolerance = tolerance;
    }

    /**
     * @param peaks      observed peaks
     * @param unexplained for each observed peak, the share of its height not yet accounted for by fitted phases (1 = all)
     */
    List<Candidate> rank(List<LibraryPhase> library, List<DetectedPeak> peaks, double[] unexplained) {
        double[] positions = peaks.stream().mapToDouble(DetectedPeak::position).toArray();
        double[] heights = new double[peaks.size()];
        double unexplainedTotal = 0;
        for (int i = 0; i < heights.length; i++) {
            heights[i] = peaks.get(i).height() * unexplained[i];
            unexplainedTotal += heights[i];
        }
        List<Candidate> out = new ArrayList<>();
        for (LibraryPhase phase : library) {
            Candidate best = null;
            for (double e = -MAX_STRAIN; e <= MAX_STRAIN + 1e-12; e += STRAIN_STEP) {
                Candidate c = evaluate(phase, e, positions, heights, unexplainedTotal);
                if (c != null && (best == null || c.score() > best.score()
                        || (c.score() == best.score() && Math.abs(c.strain()) < Math.abs(best.strain())))) {
                    best = c;
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return out;
    }

    /** Coverage of the phase's strong lines at a given strain (used after fitting, to judge a phase). */
    double coverage(LibraryPhase phase, double strain, List<DetectedPeak> peaks) {
        double[] positions = peaks.stream().mapToDouble(DetectedPeak::position).toArray();
        Candidate c = evaluate(phase, strain, positions, new double[positions.length], 1);
        return c == null ? 0 : c.coverage();
    }

    private Candidate evaluate(LibraryPhase phase, double strain, double[] positions, double[] heights, double heightTotal) {
        double[] d = phase.dSpacings();
        double[] intensity = phase.intensities();
        double strongest = 0;
        for (int i = 0; i < d.length; i++) {
            double tt = LibraryPhase.twoTheta(d[i], wavelength, strain);
            if (tt >= tt0 && tt <= tt1) {
                strongest = Math.max(strongest, intensity[i]);
            }
        }
        if (strongest <= 0) {
            return null;
        }
        double total = 0;
        double found = 0;
        boolean[] claimed = new boolean[positions.length];
        for (int i = 0; i < d.length; i++) {
            double tt = LibraryPhase.twoTheta(d[i], wavelength, strain);
            if (!(tt >= tt0 && tt <= tt1) || intensity[i] < MIN_LINE * strongest) {
                continue;
            }
            total += intensity[i];
            int j = nearest(positions, tt);
            if (j >= 0 && Math.abs(positions[j] - tt) <= tolerance) {
                // Closer matches count more, so the scan settles on the strain that centres the lines.
                double closeness = 1 - 0.5 * Math.abs(positions[j] - tt) / tolerance;
                found += intensity[i] * closeness;
                claimed[j] = true;
            }
        }
        double explainedHeight = 0;
        for (int j = 0; j < positions.length; j++) {
            if (claimed[j]) {
                explainedHeight += heights[j];
            }
        }
        double coverage = found / total;
        double explained = heightTotal > 0 ? explainedHeight / heightTotal : 0;
        return new Candidate(phase, strain, coverage, explained, coverage * Math.sqrt(explained));
    }

    private static int nearest(double[] sorted, double value) {
        if (sorted.length == 0) {
            return -1;
        }
        int idx = java.util.Arrays.binarySearch(sorted, value);
        if (idx >= 0) {
            return idx;
        }
        int ins = -idx - 1;
        if (ins == 0) {
            return 0;
        }
        if (ins == sorted.length) {
            return sorted.length - 1;
        }
        return value - sorted[ins - 1] <= sorted[ins] - value ? ins - 1 : ins;
    }
}
