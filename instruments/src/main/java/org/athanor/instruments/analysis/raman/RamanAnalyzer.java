package org.athanor.instruments.analysis.raman;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.athanor.materials.Element;
import org.athanor.instruments.analysis.signal.AsymmetricLeastSquares;
import org.athanor.instruments.analysis.signal.DetectedPeak;
import org.athanor.instruments.analysis.signal.FittedPeak;
import org.athanor.instruments.analysis.signal.PeakFitter;
import org.athanor.instruments.analysis.signal.PeakSearch;
import org.athanor.instruments.formats.RamanSpectrum;

/**
 * Raman analysis: asymmetric-least-squares baseline, peak search and pseudo-Voigt fitting, then matching of the
 * fitted bands against per-phase reference modes. Uncalibrated spectrometers are off by a few cm⁻¹, so one global
 * axis offset (within ±{@value #MAX_OFFSET} cm⁻¹) is chosen to best align all phases' bands before matching.
 */
public final class RamanAnalyzer {

    /** Largest axis correction considered, cm⁻¹ (uncalibrated dispersive instruments drift by 1–3 cm⁻¹). */
    static final double MAX_OFFSET = 5.0;
    /** A band matches a reference mode within this distance, cm⁻¹ (or one axis step if coarser). */
    static final double MATCH_TOLERANCE = 4.0;
    /**
     * Share of the in-range reference intensity that must be found for a phase to be reported; high, because a
     * phase that is present shows all its strong bands, while chance coincidences rarely cover more than one.
     */
    static final double MIN_SCORE = 0.8;

    private final List<RamanReference> references;

    public RamanAnalyzer(List<RamanReference> references) {
        this.references = List.copyOf(references);
    }

    /** Analyzer over the shipped reference table. */
    public static RamanAnalyzer withShippedReferences() {
        return new RamanAnalyzer(RamanReference.shipped());
    }

    /**
     * The analyzer over only the reference phases a sample made of {@code sampleElements} can contain (those whose
     * elements are all among them), as a chemist reads a spectrum: a band of a Ba–Ti–O sample near 520 cm⁻¹ is
     * BaTiO3's, not silicon's. Without the restriction a phase with one band in range (Si, CeO2) is reported wherever
     * any band falls within the tolerance of its line, since one matched band is all such a phase can show.
     */
    public RamanAnalyzer restrictedTo(Collection<Element> sampleElements) {
        Set<Element> sample = Set.copyOf(sampleElements);
        return new RamanAnalyzer(references.stream().filter(r -> r.possibleIn(sample)).toList());
    }

    /** The reference phases this analyzer matches against. */
    public List<RamanReference> references() {
        return references;
    }

    public RamanAnalysis analyze(RamanSpectrum spectrum) {
        double[] x = spectrum.ramanShift();
        double[] y = spectrum.intensity();
        if (x.length < 20) {
            throw new IllegalArgumentException("Raman spectrum has only " + x.length + " points; at least 20 are needed");
        }
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        // λ = 1e5 keeps the baseline stiff over ~50 points while p = 0.01 keeps it under bands a few points wide
        // (Eilers & Boelens 2005 suggest 1e2–1e9 and 0.001–0.1).
        double[] baseline = AsymmetricLeastSquares.baseline(y, 1e5, 0.01, 20);
        double[] net = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            net[i] = y[i] - baseline[i];
        }
        int halfWidth = Math.max(2, (int) Math.round(3.0 / step));
        List<DetectedPeak> detected = new PeakSearch(halfWidth, 5.0, 0.01, (int) Math.round(60 / step), 150).find(x, y, baseline);
        List<FittedPeak> peaks = PeakFitter.fit(x, net, detected);
        double tolerance = Math.max(MATCH_TOLERANCE, step);
        double offset = bestOffset(peaks, x[0], x[x.length - 1], tolerance);

        List<RamanPhaseMatch> phases = reportedPhases(peaks, offset, x[0], x[x.length - 1], tolerance);
        // The coarse offset was chosen with every phase's chance alignments; refine it on the phases actually
        // present (intensity-weighted mean misfit of their matched bands) and match once more.
        double refined = refinedOffset(phases, offset);
        if (refined != offset) {
            offset = refined;
            phases = reportedPhases(peaks, offset, x[0], x[x.length - 1], tolerance);
        }
        phases.sort(Comparator.comparingDouble(RamanPhaseMatch::score).reversed());
        return new RamanAnalysis(peaks, offset, phases, notes(peaks, phases, offset, tolerance));
    }

    private List<RamanPhaseMatch> reportedPhases(List<FittedPeak> peaks, double offset, double lo, double hi, double tolerance) {
        List<RamanPhaseMatch> phases = new ArrayList<>();
        for (RamanReference ref : references) {
            RamanPhaseMatch match = match(ref, peaks, offset, lo, hi, tolerance);
            if (match != null && match.score() >= MIN_SCORE) {
                phases.add(match);
            }
        }
        return phases;
    }

    private static double refinedOffset(List<RamanPhaseMatch> phases, double offset) {
        double weighted = 0;
        double weights = 0;
        for (RamanPhaseMatch phase : phases) {
            for (RamanPhaseMatch.ModeMatch m : phase.matched()) {
                weighted += m.reference().relativeIntensity() * (m.reference().shift() - m.observedShift());
                weights += m.reference().relativeIntensity();
            }
        }
        if (weights == 0) {
            return offset;
        }
        return Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, offset + weighted / weights));
    }

    /** The offset that aligns the most reference intensity with observed bands, preferring the smallest correction. */
    private double bestOffset(List<FittedPeak> peaks, double lo, double hi, double tolerance) {
        double best = 0;
        double bestScore = -1;
        for (int k = 0; k <= 200; k++) {
            double offset = -MAX_OFFSET + k * (2 * MAX_OFFSET / 200);
            double total = 0;
            for (RamanReference ref : references) {
                total += alignment(ref, peaks, offset, lo, hi, tolerance);
            }
            // Ties (and near-ties) go to the smaller correction.
            total -= 1e-3 * Math.abs(offset);
            if (total > bestScore) {
                bestScore = total;
                best = offset;
            }
        }
        return best;
    }

    /** Intensity-weighted closeness of a phase's modes to observed bands; zero unless its strongest mode is seen. */
    private static double alignment(RamanReference ref, List<FittedPeak> peaks, double offset, double lo, double hi, double tolerance) {
        RamanMode strongest = strongestInRange(ref, lo, hi);
        if (strongest == null || nearest(peaks, strongest.shift(), offset, tolerance) == null) {
            return 0;
        }
        double sum = 0;
        for (RamanMode mode : ref.modes()) {
            FittedPeak p = nearest(peaks, mode.shift(), offset, tolerance);
            if (p != null) {
                double d = p.position() + offset - mode.shift();
                sum += mode.relativeIntensity() * Math.exp(-0.5 * d * d / (0.25 * tolerance * tolerance));
            }
        }
        return sum;
    }

    private static RamanPhaseMatch match(RamanReference ref, List<FittedPeak> peaks, double offset, double lo, double hi, double tolerance) {
        RamanMode strongest = strongestInRange(ref, lo, hi);
        if (strongest == null) {
            return null;
        }
        List<RamanPhaseMatch.ModeMatch> matched = new ArrayList<>();
        List<RamanMode> missing = new ArrayList<>();
        double found = 0;
        double total = 0;
        for (RamanMode mode : ref.modes()) {
            if (mode.shift() < lo || mode.shift() > hi) {
                continue;
            }
            total += mode.relativeIntensity();
            FittedPeak p = nearest(peaks, mode.shift(), offset, tolerance);
            if (p != null) {
                found += mode.relativeIntensity();
                matched.add(new RamanPhaseMatch.ModeMatch(mode, p.position() + offset));
            } else {
                missing.add(mode);
            }
        }
        boolean strongestSeen = matched.stream().anyMatch(m -> m.reference() == strongest);
        // One matched band proves little when the phase has several in range: ask for two.
        boolean enoughBands = matched.size() >= Math.min(2, matched.size() + missing.size());
        double score = strongestSeen && enoughBands ? found / total : 0;
        return new RamanPhaseMatch(ref.phase(), ref.formula(), score, matched, missing);
    }

    private static RamanMode strongestInRange(RamanReference ref, double lo, double hi) {
        RamanMode best = null;
        for (RamanMode m : ref.modes()) {
            if (m.shift() >= lo && m.shift() <= hi && (best == null || m.relativeIntensity() > best.relativeIntensity())) {
                best = m;
            }
        }
        return best;
    }

    private static FittedPeak nearest(List<FittedPeak> peaks, double shift, double offset, double tolerance) {
        FittedPeak best = null;
        double bestDistance = tolerance;
        for (FittedPeak p : peaks) {
            double d = Math.abs(p.position() + offset - shift);
            if (d <= bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best;
    }

    private static List<String> notes(List<FittedPeak> peaks, List<RamanPhaseMatch> phases, double offset, double tolerance) {
        List<String> notes = new ArrayList<>();
        double tallest = peaks.stream().mapToDouble(FittedPeak::height).max().orElse(0);
        for (FittedPeak p : peaks) {
            if (p.height() < 0.1 * tallest) {
                continue;
            }
            double corrected = p.position() + offset;
            boolean explained = phases.stream().flatMap(m -> m.matched().stream())
                    .anyMatch(m -> Math.abs(m.observedShift() - corrected) <= tolerance);
            if (!explained) {
                notes.add(String.format(java.util.Locale.ROOT, "band at %.1f cm⁻¹ (%.0f %% of the tallest) is not explained by any reported phase",
                        corrected, 100 * p.height() / tallest));
            }
        }
        if (phases.isEmpty()) {
            notes.add("no reference phase matched");
        }
        return notes;
    }
}
