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
    /** Per-axis stretch scanned around the isotropic optimum, and its step. */
    static final double AXIS_RANGE = 0.015;
    private static final double AXIS_STEP = 0.001;
    /** Relative score gain per-axis stretches must bring to be kept. */
    private static final double AXIS_GAIN = 0.05;

    private final double wavelength;
    private final double sinLow;
    private final double sinHigh;
    private final double tolerance;
    /** A peak still counts as open (needing a new phase) when at least this share of it is unexplained... */
    static final double OPEN_SHARE = 0.5;
    /** ...and it stands this many noise standard deviations tall. */
    static final double OPEN_SIGNIFICANCE = 5;
    /** Which observed peaks are open in the current ranking. */
    private boolean[] open = new boolean[0];
    /** Per phase, the lines that can matter: in range (with room for any strain) and not negligibly weak. */
    private final java.util.Map<LibraryPhase, int[]> usefulLines = new java.util.IdentityHashMap<>();
    /** Axis-stretched variants already made, so refits reuse them (and their cached profiles). */
    private final java.util.Map<String, LibraryPhase> stretched = new java.util.HashMap<>();

    /**
     * @param tolerance largest distance in 2θ degrees between a line and the peak that matches it
     */
    CandidateRanking(double wavelength, double tt0, double tt1, double tolerance) {
        this.wavelength = wavelength;
        this.sinLow = Math.sin(Math.toRadians(tt0 / 2));
        this.sinHigh = Math.sin(Math.toRadians(tt1 / 2));
        this.tolerance = tolerance;
    }

    /**
     * @param peaks      observed peaks
     * @param unexplained for each observed peak, the share of its height not yet accounted for by fitted phases (1 = all)
     */
    List<Candidate> rank(List<LibraryPhase> library, List<DetectedPeak> peaks, double[] unexplained) {
        double[] positions = sinTheta(peaks);
        double[] heights = new double[peaks.size()];
        double unexplainedTotal = 0;
        open = new boolean[heights.length];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = peaks.get(i).height() * unexplained[i];
            unexplainedTotal += heights[i];
            open[i] = unexplained[i] >= OPEN_SHARE && peaks.get(i).significance() >= OPEN_SIGNIFICANCE;
        }
        List<Candidate> out = new ArrayList<>();
        for (LibraryPhase phase : library) {
            Candidate best = null;
            double[] spacings = usefulSpacings(phase);
            for (double e = -MAX_STRAIN; e <= MAX_STRAIN + 1e-12; e += STRAIN_STEP) {
                Candidate c = evaluate(phase, spacings, e, positions, heights, unexplainedTotal);
                if (c != null && (best == null || c.score() > best.score()
                        || (c.score() == best.score() && Math.abs(c.strain()) < Math.abs(best.strain())))) {
                    best = c;
                }
            }
            if (best != null && phase.deformation() != null && phase.deformation().ties() != CellDeformation.Ties.ISOTROPIC
                    && best.coverage() >= 0.3) {
                best = refineAxes(phase, best, positions, heights, unexplainedTotal);
            }
            if (best != null) {
                out.add(best);
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return out;
    }

    /**
     * Per-axis stretches by coordinate scans around the isotropic optimum (±{@value #AXIS_RANGE} per axis group,
     * two rounds); kept only if they match clearly better, since extra freedom also fits coincidences.
     */
    private Candidate refineAxes(LibraryPhase phase, Candidate isotropic, double[] positions, double[] heights, double heightTotal) {
        CellDeformation deformation = phase.deformation();
        int[][] groups = deformation.ties() == CellDeformation.Ties.UNIAXIAL
                ? uniaxialGroups(deformation.uniqueAxis()) : new int[][] {{0}, {1}, {2}};
        double[] scales = {1 + isotropic.strain(), 1 + isotropic.strain(), 1 + isotropic.strain()};
        Candidate best = isotropic;
        double bestScore = isotropic.score();
        for (int round = 0; round < 2; round++) {
            for (int[] group : groups) {
                double centre = scales[group[0]];
                double chosen = centre;
                for (double v = centre - AXIS_RANGE; v <= centre + AXIS_RANGE + 1e-12; v += AXIS_STEP) {
                    if (Math.abs(v - 1) > MAX_STRAIN + AXIS_RANGE) {
                        continue;
                    }
                    for (int axis : group) {
                        scales[axis] = v;
                    }
                    Candidate c = evaluate(phase, stretchedSpacings(phase, scales), 0, positions, heights, heightTotal);
                    if (c != null && c.score() > bestScore) {
                        bestScore = c.score();
                        chosen = v;
                    }
                }
                for (int axis : group) {
                    scales[axis] = chosen;
                }
            }
        }
        if (bestScore > isotropic.score() * (1 + AXIS_GAIN)) {
            String key = String.format(java.util.Locale.ROOT, "%s@%.4f,%.4f,%.4f", phase.id(), scales[0], scales[1], scales[2]);
            LibraryPhase deformed = stretched.computeIfAbsent(key, k -> phase.deformed(scales[0], scales[1], scales[2]));
            Candidate c = evaluate(deformed, usefulSpacings(deformed), 0, positions, heights, heightTotal);
            best = new Candidate(deformed, 0, c.coverage(), c.explained(), c.score(), c.newPeaks());
        }
        return best;
    }

    private int[] usefulLines(LibraryPhase phase) {
        return usefulLines.computeIfAbsent(phase, p -> {
            double[] d = p.dSpacings();
            double[] intensity = p.intensities();
            double lo = sinLow * (1 - MAX_STRAIN - AXIS_RANGE);
            double hi = Math.min(1, sinHigh * (1 + MAX_STRAIN + AXIS_RANGE));
            double strongest = 0;
            for (int i = 0; i < d.length; i++) {
                double sin = wavelength / (2 * d[i]);
                if (sin >= lo && sin <= hi) {
                    strongest = Math.max(strongest, intensity[i]);
                }
            }
            java.util.List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < d.length; i++) {
                double sin = wavelength / (2 * d[i]);
                if (sin >= lo && sin <= hi && intensity[i] >= 0.5 * MIN_LINE * strongest) {
                    keep.add(i);
                }
            }
            return keep.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    /** d-spacings of the useful lines, aligned with {@link #usefulLines}; NaN-free, same order. */
    private double[] usefulSpacings(LibraryPhase phase) {
        int[] lines = usefulLines(phase);
        double[] d = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            d[i] = phase.dSpacings()[lines[i]];
        }
        return d;
    }

    private double[] stretchedSpacings(LibraryPhase phase, double[] scales) {
        int[] lines = usefulLines(phase);
        double[] d = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            d[i] = phase.deformation().dSpacing(lines[i], scales[0], scales[1], scales[2]);
        }
        return d;
    }

    private static int[][] uniaxialGroups(int unique) {
        int[] pair = unique == 0 ? new int[] {1, 2} : unique == 1 ? new int[] {0, 2} : new int[] {0, 1};
        return new int[][] {pair, {unique}};
    }

    /** Coverage of the phase's strong lines at a given strain (used after fitting, to judge a phase). */
    double coverage(LibraryPhase phase, double strain, List<DetectedPeak> peaks) {
        double[] positions = sinTheta(peaks);
        Candidate c = evaluate(phase, usefulSpacings(phase), strain, positions, new double[positions.length], 1);
        return c == null ? 0 : c.coverage();
    }

    /**
     * Scores a phase's lines against the observed peaks. Works in sin θ, where a line sits at λ/(2d(1+ε)) without
     * trigonometry; a 2θ tolerance Δ becomes cos θ·Δ/2 there.
     *
     * @param observed sin θ of the observed peaks, ascending
     */
    private Candidate evaluate(LibraryPhase phase, double[] d, double strain, double[] observed, double[] heights, double heightTotal) {
        int[] lines = usefulLines(phase);
        double[] intensity = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            intensity[i] = phase.intensities()[lines[i]];
        }
        double k = wavelength / (2 * (1 + strain));
        double strongest = 0;
        for (int i = 0; i < d.length; i++) {
            double sin = k / d[i];
            if (sin >= sinLow && sin <= sinHigh) {
                strongest = Math.max(strongest, intensity[i]);
            }
        }
        if (strongest <= 0) {
            return null;
        }
        double halfToleranceRad = Math.toRadians(tolerance) / 2;
        double total = 0;
        double found = 0;
        boolean[] claimed = new boolean[observed.length];
        for (int i = 0; i < d.length; i++) {
            double sin = k / d[i];
            if (!(sin >= sinLow && sin <= sinHigh) || intensity[i] < MIN_LINE * strongest) {
                continue;
            }
            total += intensity[i];
            double sinTolerance = Math.sqrt(1 - sin * sin) * halfToleranceRad;
            int j = nearest(observed, sin);
            double distance = j >= 0 ? Math.abs(observed[j] - sin) : Double.POSITIVE_INFINITY;
            if (distance <= sinTolerance) {
                // Closer matches count more, so the scan settles on the strain that centres the lines.
                found += intensity[i] * (1 - 0.5 * distance / sinTolerance);
                claimed[j] = true;
            }
        }
        double explainedHeight = 0;
        int newPeaks = 0;
        for (int j = 0; j < observed.length; j++) {
            if (claimed[j]) {
                explainedHeight += heights[j];
                if (j < open.length && open[j]) {
                    newPeaks++;
                }
            }
        }
        double coverage = found / total;
        double explained = heightTotal > 0 ? explainedHeight / heightTotal : 0;
        return new Candidate(phase, strain, coverage, explained, coverage * Math.sqrt(explained), newPeaks);
    }

    private static double[] sinTheta(List<DetectedPeak> peaks) {
        return peaks.stream().mapToDouble(p -> Math.sin(Math.toRadians(p.position() / 2))).toArray();
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
