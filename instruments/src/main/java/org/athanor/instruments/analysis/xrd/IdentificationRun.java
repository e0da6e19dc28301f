package org.athanor.instruments.analysis.xrd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.athanor.crystal.Radiation;
import org.athanor.instruments.analysis.signal.DetectedPeak;
import org.athanor.instruments.analysis.signal.PeakSearch;
import org.athanor.instruments.analysis.signal.SnipBackground;
import org.athanor.instruments.formats.XrdPattern;

/** One identification of one pattern over a library prepared for its radiation (see {@link PhaseIdentifier}). */
final class IdentificationRun {

    /** Most phases in one model; beyond four, lab patterns rarely support a unique answer. */
    static final int MAX_PHASES = 4;
    /** Candidates fitted per model-building step. */
    static final int CANDIDATES_PER_STEP = 6;
    /** Relative Rwp decrease a new phase must bring (a phase that is present brings far more). */
    static final double MIN_RWP_GAIN = 0.04;
    /** Share of a phase's in-range line intensity that must sit on observed peaks. */
    static final double MIN_COVERAGE = 0.5;
    /** Smallest weight fraction worth a phase; below it a fit absorbs noise and misfit. */
    static final double MIN_WEIGHT_FRACTION = 0.01;
    /** Relative Rwp increase on dropping a phase that earns it full confidence. */
    private static final double FULL_CONFIDENCE_GAIN = 0.15;
    /** Another phase fitting within this relative Rwp of the chosen one makes the choice ambiguous. */
    private static final double AMBIGUOUS_WITHIN = 0.02;

    private final List<LibraryPhase> library;
    private final XrdPattern blank;
    private double startSize = 60;
    private double[] blankOnGrid;

    IdentificationRun(List<LibraryPhase> library, XrdPattern blank) {
        this.library = library;
        this.blank = blank;
    }

    PhaseIdentification run(XrdPattern pattern) {
        double[] x = pattern.twoTheta();
        double[] y = pattern.intensity();
        checkPattern(x, y);
        blankOnGrid = blank == null ? null : AmorphousScattering.blankFor(pattern, blank);
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        double wavelength = Radiation.parse(pattern.radiation()).lines().get(0).wavelength();
        // A 1.5° clipping window lies well above lab peak widths (0.05–0.5°) and below background curvature.
        double[] background = SnipBackground.estimate(y, Math.max(3, (int) Math.round(1.5 / step)));
        // Peaks wider than 2° are background humps (amorphous content), not Bragg peaks.
        List<DetectedPeak> peaks = new PeakSearch(Math.max(2, (int) Math.round(0.03 / step)), 4.0, 0.003,
                Math.max(3, (int) Math.round(0.6 / step)), 2.0).find(x, y, background);
        List<String> notes = new ArrayList<>();
        if (peaks.isEmpty()) {
            notes.add("no significant peaks: nothing crystalline to identify");
            return new PhaseIdentification(List.of(), Double.NaN, notes);
        }
        double tolerance = matchTolerance(peaks);
        startSize = startSize(peaks, wavelength);
        CandidateRanking ranking = new CandidateRanking(wavelength, x[0], x[x.length - 1], tolerance);
        WholePatternFit fitter = new WholePatternFit(x, y, background);

        FitResult fit = buildModel(fitter, ranking, peaks);
        if (fit == null) {
            notes.add(String.format(Locale.ROOT, "%d peaks found but no library phase explains them", peaks.size()));
            return new PhaseIdentification(List.of(), fitter.backgroundOnlyRwp(), notes);
        }
        fit = prune(fitter, fit);
        fit = refine(fitter, fit, 4);
        return report(fitter, ranking, peaks, fit, notes);
    }

    private FitResult buildModel(WholePatternFit fitter, CandidateRanking ranking, List<DetectedPeak> peaks) {
        FitResult current = null;
        double rwp = fitter.backgroundOnlyRwp();
        double[] unexplained = new double[peaks.size()];
        Arrays.fill(unexplained, 1);
        while (current == null || current.phases().size() < MAX_PHASES) {
            List<LibraryPhase> inModel = current == null ? List.of() : current.phases();
            List<LibraryPhase> pool = library.stream().filter(p -> !containsId(inModel, p)).toList();
            List<Candidate> candidates = ranking.rank(pool, peaks, unexplained).stream()
                    .filter(c -> c.newPeaks() > 0 && c.coverage() >= MIN_COVERAGE)
                    .limit(CANDIDATES_PER_STEP).toList();
            FitResult best = null;
            for (Candidate c : candidates) {
                FitResult trial = fitter.fit(with(inModel, c.phase()), withParams(current, c.strain()),
                        current == null ? 0 : current.zeroShift(), 2);
                if (acceptable(trial, ranking, peaks) && (best == null || trial.rwp() < best.rwp())) {
                    best = trial;
                }
            }
            if (best == null || best.rwp() > rwp * (1 - MIN_RWP_GAIN)) {
                break;
            }
            current = best;
            rwp = best.rwp();
            unexplained = unexplained(fitter, current, peaks);
        }
        return current;
    }

    /** The newest phase must carry weight and show its lines at the refined strain. */
    private static boolean acceptable(FitResult trial, CandidateRanking ranking, List<DetectedPeak> peaks) {
        int last = trial.phases().size() - 1;
        double[] w = trial.weightFractions();
        return w[last] >= MIN_WEIGHT_FRACTION
                && ranking.coverage(trial.phases().get(last), trial.parameters().get(last).strain(), peaks) >= MIN_COVERAGE;
    }

    /** Drops, one at a time, phases whose removal now costs less than the gain a phase needs to be admitted. */
    private FitResult prune(WholePatternFit fitter, FitResult fit) {
        FitResult current = fit;
        boolean changed = true;
        while (changed && current.phases().size() > 1) {
            changed = false;
            for (int p = 0; p < current.phases().size(); p++) {
                FitResult without = refine(fitter, drop(current, p), 2);
                if (without.rwp() <= current.rwp() * (1 + MIN_RWP_GAIN)) {
                    current = without;
                    changed = true;
                    break;
                }
            }
        }
        return current;
    }

    private PhaseIdentification report(WholePatternFit fitter, CandidateRanking ranking, List<DetectedPeak> peaks,
                                       FitResult fit, List<String> notes) {
        double[] w = fit.weightFractions();
        List<Candidate> alternatives = ranking.rank(library.stream().filter(p -> !containsId(fit.phases(), p)).toList(),
                peaks, unexplainedNone(peaks.size())).stream().filter(c -> c.coverage() >= MIN_COVERAGE).limit(3).toList();
        List<IdentifiedPhase> phases = new ArrayList<>();
        for (int p = 0; p < fit.phases().size(); p++) {
            LibraryPhase phase = fit.phases().get(p);
            double strain = fit.parameters().get(p).strain();
            double dropGain = fit.phases().size() == 1
                    ? (fitter.backgroundOnlyRwp() - fit.rwp()) / fit.rwp()
                    : (refine(fitter, drop(fit, p), 2).rwp() - fit.rwp()) / fit.rwp();
            double fitTerm = Math.max(0, Math.min(1, dropGain / FULL_CONFIDENCE_GAIN));
            double coverage = ranking.coverage(phase, strain, peaks);
            double coverageTerm = Math.max(0, Math.min(1, (coverage - MIN_COVERAGE) / (0.9 - MIN_COVERAGE)));
            double confidence = Math.min(fitTerm, coverageTerm);
            for (Candidate alt : alternatives) {
                FitResult swapped = refine(fitter, replace(fit, p, alt.phase(), alt.strain()), 2);
                if (swapped.rwp() <= fit.rwp() * (1 + AMBIGUOUS_WITHIN) && swapped.weightFractions()[p] >= MIN_WEIGHT_FRACTION) {
                    confidence *= 0.5;
                    notes.add(String.format(Locale.ROOT, "%s fits about as well as %s (Rwp %.2f vs %.2f %%)",
                            alt.phase().id(), phase.id(), swapped.rwp(), fit.rwp()));
                    break;
                }
            }
            confidence = Math.round(confidence * 100) / 100.0;
            if (confidence < IdentifiedPhase.UNCERTAIN_BELOW) {
                notes.add(String.format(Locale.ROOT, "%s is uncertain (confidence %.2f)", phase.id(), confidence));
            }
            phases.add(new IdentifiedPhase(phase.id(), phase.formula(), w[p], confidence, phase.meanStrain(strain)));
        }
        phases.sort(Comparator.comparingDouble(IdentifiedPhase::weightFraction).reversed());
        double[] left = unexplained(fitter, fit, peaks);
        double tallest = peaks.stream().mapToDouble(DetectedPeak::height).max().orElse(0);
        for (int j = 0; j < peaks.size(); j++) {
            DetectedPeak peak = peaks.get(j);
            if (left[j] > 0.5 && peak.height() > 0.05 * tallest) {
                notes.add(String.format(Locale.ROOT, "peak at %.2f° 2θ (%.0f %% of the tallest) is not explained",
                        peak.position(), 100 * peak.height() / tallest));
            }
        }
        if (fit.rwp() > 25) {
            notes.add(String.format(Locale.ROOT, "poor fit (Rwp %.1f %%): phases may be missing from the library", fit.rwp()));
        }
        double amorphous = blankOnGrid == null ? Double.NaN
                : AmorphousScattering.share(fitter.twoTheta(), fitter.intensity(), fit.phaseCurves(), blankOnGrid);
        if (amorphous > PhaseIdentification.AMORPHOUS_NOTED_ABOVE) {
            notes.add(String.format(Locale.ROOT, "%s about %.0f %% of the scattering: X-ray amorphous material; "
                    + "the weight fractions are of the crystalline phases only", PhaseIdentification.AMORPHOUS_HUMP, 100 * amorphous));
        }
        return new PhaseIdentification(phases, fit.rwp(), notes, amorphous);
    }

    private static boolean containsId(List<LibraryPhase> phases, LibraryPhase phase) {
        return phases.stream().anyMatch(p -> p.id().equals(phase.id()));
    }

    private static FitResult refine(WholePatternFit fitter, FitResult fit, int passes) {
        return fitter.fit(fit.phases(), fit.parameters(), fit.zeroShift(), passes);
    }

    private static FitResult drop(FitResult fit, int index) {
        List<LibraryPhase> phases = new ArrayList<>(fit.phases());
        List<PhaseParameters> params = new ArrayList<>(fit.parameters());
        phases.remove(index);
        params.remove(index);
        return new FitResult(phases, new double[phases.size()], params, fit.zeroShift(), Double.NaN, null, null);
    }

    private static FitResult replace(FitResult fit, int index, LibraryPhase phase, double strain) {
        List<LibraryPhase> phases = new ArrayList<>(fit.phases());
        List<PhaseParameters> params = new ArrayList<>(fit.parameters());
        phases.set(index, phase);
        params.set(index, new PhaseParameters(strain, params.get(index).sizeNm()));
        return new FitResult(phases, new double[phases.size()], params, fit.zeroShift(), Double.NaN, null, null);
    }

    private static List<LibraryPhase> with(List<LibraryPhase> phases, LibraryPhase added) {
        List<LibraryPhase> out = new ArrayList<>(phases);
        out.add(added);
        return out;
    }

    private List<PhaseParameters> withParams(FitResult current, double strain) {
        List<PhaseParameters> out = new ArrayList<>(current == null ? List.of() : current.parameters());
        out.add(new PhaseParameters(strain, startSize));
        return out;
    }

    /**
     * A starting crystallite size from the median observed width: the excess over a typical lab instrument width
     * (≈ 0.07° 2θ, LaB6-class) read as Scherrer broadening at 2θ ≈ 40°; kept within 10–500 nm.
     */
    private static double startSize(List<DetectedPeak> peaks, double wavelength) {
        double[] widths = peaks.stream().mapToDouble(DetectedPeak::fwhm).sorted().toArray();
        double excess = Math.max(widths[widths.length / 2] - 0.07, 0.01);
        double sizeNm = 0.9 * wavelength / (Math.toRadians(excess) * Math.cos(Math.toRadians(20))) / 10;
        return Math.max(10, Math.min(500, sizeNm));
    }

    /** Per observed peak, the share of its net height the fitted phases do not reach. */
    private static double[] unexplained(WholePatternFit fitter, FitResult fit, List<DetectedPeak> peaks) {
        double[] out = new double[peaks.size()];
        double[] x = fitter.twoTheta();
        for (int j = 0; j < peaks.size(); j++) {
            DetectedPeak peak = peaks.get(j);
            int i = Math.max(0, Math.min(x.length - 1, Arrays.binarySearch(x, peak.position()) < 0
                    ? -Arrays.binarySearch(x, peak.position()) - 1 : Arrays.binarySearch(x, peak.position())));
            double model = 0;
            for (double[] curve : fit.phaseCurves()) {
                model += curve[i];
            }
            out[j] = Math.max(0, Math.min(1, 1 - model / peak.height()));
        }
        return out;
    }

    private static double[] unexplainedNone(int n) {
        double[] out = new double[n];
        Arrays.fill(out, 1);
        return out;
    }

    /** Lines match peaks within about one observed peak width (median FWHM), kept between 0.1° and 0.3°. */
    private static double matchTolerance(List<DetectedPeak> peaks) {
        double[] widths = peaks.stream().mapToDouble(DetectedPeak::fwhm).sorted().toArray();
        double median = widths[widths.length / 2];
        return Math.max(0.1, Math.min(0.3, 0.75 * median));
    }

    private static void checkPattern(double[] x, double[] y) {
        if (x.length < 50) {
            throw new IllegalArgumentException("pattern has only " + x.length + " points; at least 50 are needed");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("pattern point " + (i + 1) + " is not a finite number");
            }
            if (i > 0 && x[i] <= x[i - 1]) {
                throw new IllegalArgumentException("2θ must increase: point " + (i + 1) + " (" + x[i] + "°) follows " + x[i - 1] + "°");
            }
        }
    }
}
