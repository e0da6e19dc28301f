package org.athanor.instruments.analysis.xrd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Whole-pattern fit of a few phases' simulated profiles to a measured pattern: the linear unknowns (one Rietveld
 * scale per phase, ≥ 0, a small Legendre background correction on top of the SNIP background, and broad humps ≥ 0)
 * are solved exactly by non-negative least squares inside a coordinate-wise golden-section search over the non-linear
 * ones (zero shift, and per phase lattice strain and crystallite size). Weights are Poisson, 1/max(y, 1).
 *
 * <p>The humps are Gaussians of σ = 4° (FWHM ≈ 9°) every 6° across the range: scattering of X-ray amorphous
 * content or a glassy holder, which a clipping background follows only in part where Bragg peaks sit on it. Without
 * them the fit modelled such a hump with a phase's lines broadened to a few nanometres, and that phase's weight
 * fraction grew with the hump (a rutile residue read 61 % on one scan and 18 % on a rescan of the same sample). They
 * are far broader than any Bragg peak the peak search accepts (2° at most), so they cannot stand in for a phase.
 */
final class WholePatternFit {

    private static final int LEGENDRE_TERMS = 3;
    private static final double HUMP_SIGMA = 4;
    private static final double HUMP_SPACING = 1.5 * HUMP_SIGMA;
    /** Humps are scaled to about the size of a pattern's counts, which keeps the normal matrix well conditioned. */
    private static final double HUMP_HEIGHT = 100;
    /** A hump is zero beyond 5 σ (where it has fallen below 4·10⁻⁶ of its height). */
    private static final double HUMP_CUTOFF = 5;
    /** Humps are evaluated on bins of this width, degrees 2θ. */
    private static final double HUMP_STEP = 0.2;
    private static final double MIN_SIZE_NM = 5;
    private static final double MAX_SIZE_NM = 1000;
    private static final double MAX_ZERO_SHIFT = 0.3;
    /** Refined strain stays within the ranking's scan plus a margin for the fit to settle. */
    private static final double MAX_STRAIN = CandidateRanking.MAX_STRAIN + 0.005;
    private static final int GOLDEN_STEPS = 12;

    private final double[] x;
    private final double[] y;
    private final double[] background;
    private final double[] weight;
    /** The Legendre polynomials (free sign) on the grid; the humps (≥ 0) that follow them are {@link #humpOnBins}. */
    private final double[][] basis;
    private final int backgroundTerms;
    /**
     * The humps are steps of {@link #HUMP_STEP} (far finer than their width): each is a value per bin, and a profile's
     * products with all of them cost one pass over the grid plus one over the bins.
     */
    private final int[] binOf;
    private final double[][] humpOnBins;
    /** Per hump, the bins [first, end) where it is not zero. */
    private final int[][] humpSupport;
    private final double[] weightedOnBins;
    private final double sumWeightedY2;
    private final ProfileCache cache;
    private final double[] net;
    private final double weightedTT;
    private final double[] backgroundH;
    private final double[][] backgroundG;
    /** Which humps the last solution used: the next solve starts from them (the set rarely changes between solves). */
    private final boolean[] humpsInUse;
    private static final int CACHE_LIMIT = 256;
    private final java.util.Map<double[], double[]> stats = new java.util.IdentityHashMap<>();
    private final java.util.Map<double[], java.util.Map<double[], Double>> crosses = new java.util.IdentityHashMap<>();

    WholePatternFit(double[] twoTheta, double[] intensity, double[] background) {
        this.x = twoTheta;
        this.y = intensity;
        this.background = background;
        int n = x.length;
        weight = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = 1 / Math.max(y[i], 1);
            s += weight[i] * y[i] * y[i];
        }
        sumWeightedY2 = s;
        cache = new ProfileCache(twoTheta);
        double lo = x[0];
        double hi = x[n - 1];
        int humps = (int) Math.floor((hi - lo) / HUMP_SPACING) + 1;
        backgroundTerms = LEGENDRE_TERMS + humps;
        basis = new double[LEGENDRE_TERMS][n];
        int bins = (int) Math.floor((hi - lo) / HUMP_STEP) + 1;
        binOf = new int[n];
        humpOnBins = new double[humps][bins];
        for (int h = 0; h < humps; h++) {
            for (int j = 0; j < bins; j++) {
                double d = (lo + (j + 0.5) * HUMP_STEP - (lo + h * HUMP_SPACING)) / HUMP_SIGMA;
                humpOnBins[h][j] = Math.abs(d) < HUMP_CUTOFF ? HUMP_HEIGHT * Math.exp(-0.5 * d * d) : 0;
            }
        }
        for (int i = 0; i < n; i++) {
            double u = hi > lo ? 2 * (x[i] - lo) / (hi - lo) - 1 : 0;
            basis[0][i] = 1;
            basis[1][i] = u;
            basis[2][i] = 0.5 * (3 * u * u - 1);
            binOf[i] = Math.min(bins - 1, (int) ((x[i] - lo) / HUMP_STEP));
        }
        humpSupport = new int[humps][];
        for (int h = 0; h < humps; h++) {
            int first = 0;
            int end = bins;
            while (first < bins && humpOnBins[h][first] == 0) {
                first++;
            }
            while (end > first && humpOnBins[h][end - 1] == 0) {
                end--;
            }
            humpSupport[h] = new int[] {first, end};
        }
        weightedOnBins = new double[bins];
        backgroundH = new double[backgroundTerms];
        backgroundG = new double[backgroundTerms][backgroundTerms];
        humpsInUse = new boolean[backgroundTerms];
        net = new double[n];
        double tt = 0;
        for (int i = 0; i < n; i++) {
            net[i] = y[i] - background[i];
            tt += weight[i] * net[i] * net[i];
            for (int a = 0; a < backgroundTerms; a++) {
                backgroundH[a] += weight[i] * term(a, i) * net[i];
                for (int b = 0; b < backgroundTerms; b++) {
                    backgroundG[a][b] += weight[i] * term(a, i) * term(b, i);
                }
            }
        }
        weightedTT = tt;
    }

    /**
     * Refines the given phases from the given starting parameters.
     *
     * @param passes number of coordinate sweeps; each halves the search ranges
     */
    FitResult fit(List<LibraryPhase> phases, List<PhaseParameters> start, double zeroStart, int passes) {
        int k = phases.size();
        double[] strain = new double[k];
        double[] logSize = new double[k];
        for (int p = 0; p < k; p++) {
            strain[p] = start.get(p).strain();
            logSize[p] = Math.log(start.get(p).sizeNm());
        }
        double[][] profiles = new double[k][];
        double[] zero = {zeroStart};
        for (int p = 0; p < k; p++) {
            profiles[p] = profiles(phases.get(p), strain[p], zero[0], Math.exp(logSize[p]));
        }
        double zeroRange = 0.1;
        double strainRange = 0.003;
        double sizeRange = Math.log(2.5);
        for (int pass = 0; pass < passes; pass++) {
            zero[0] = golden(z -> {
                double[][] trial = new double[k][];
                for (int p = 0; p < k; p++) {
                    trial[p] = profiles(phases.get(p), strain[p], z, Math.exp(logSize[p]));
                }
                return solve(trial).chi2;
            }, Math.max(-MAX_ZERO_SHIFT, zero[0] - zeroRange), Math.min(MAX_ZERO_SHIFT, zero[0] + zeroRange), zero[0]);
            for (int p = 0; p < k; p++) {
                profiles[p] = profiles(phases.get(p), strain[p], zero[0], Math.exp(logSize[p]));
            }
            for (int p = 0; p < k; p++) {
                final int q = p;
                LibraryPhase phase = phases.get(q);
                strain[q] = golden(e -> chi2With(profiles, q, profiles(phase, e, zero[0], Math.exp(logSize[q]))),
                        Math.max(-MAX_STRAIN, strain[q] - strainRange), Math.min(MAX_STRAIN, strain[q] + strainRange), strain[q]);
                logSize[q] = golden(ls -> chi2With(profiles, q, profiles(phase, strain[q], zero[0], Math.exp(ls))),
                        Math.max(Math.log(MIN_SIZE_NM), logSize[q] - sizeRange), Math.min(Math.log(MAX_SIZE_NM), logSize[q] + sizeRange), logSize[q]);
                profiles[q] = profiles(phase, strain[q], zero[0], Math.exp(logSize[q]));
            }
            zeroRange /= 2;
            strainRange /= 2;
            sizeRange /= 2;
        }
        if (passes >= 3) {
            polish(phases, strain, logSize, zero, profiles);
        }
        Solution s = solve(profiles);
        List<PhaseParameters> params = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            params.add(new PhaseParameters(strain[p], Math.exp(logSize[p])));
        }
        int n = x.length;
        double[] calculated = new double[n];
        double[][] curves = new double[k][n];
        for (int i = 0; i < n; i++) {
            double v = background[i];
            for (int b = 0; b < backgroundTerms; b++) {
                v += s.coefficients[k + b] * term(b, i);
            }
            for (int p = 0; p < k; p++) {
                curves[p][i] = s.coefficients[p] * profiles[p][i];
                v += curves[p][i];
            }
            calculated[i] = v;
        }
        double[] scales = java.util.Arrays.copyOf(s.coefficients, k);
        return new FitResult(List.copyOf(phases), scales, params, zero[0], rwp(s.chi2), calculated, curves);
    }

    /**
     * Joint refinement of all non-linear parameters by BOBYQA (M. J. D. Powell, 2009), after the coordinate sweeps:
     * zero shift and strain are correlated (both move peaks), which coordinate-wise search resolves only slowly.
     * Parameters are scaled so one unit is a typical uncertainty: 0.02° zero, 0.001 strain, 20 % size.
     */
    private void polish(List<LibraryPhase> phases, double[] strain, double[] logSize, double[] zero, double[][] profiles) {
        int k = phases.size();
        int dim = 1 + 2 * k;
        double[] start = new double[dim];
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        double[] unit = new double[dim];
        double[] origin = new double[dim];
        origin[0] = zero[0];
        unit[0] = 0.02;
        for (int p = 0; p < k; p++) {
            origin[1 + 2 * p] = strain[p];
            unit[1 + 2 * p] = 0.001;
            origin[2 + 2 * p] = logSize[p];
            unit[2 + 2 * p] = 0.2;
        }
        // Within ±5 units of the start, and never past the bounds the coordinate sweeps keep to.
        bound(lower, upper, 0, origin[0], unit[0], -MAX_ZERO_SHIFT, MAX_ZERO_SHIFT);
        for (int p = 0; p < k; p++) {
            bound(lower, upper, 1 + 2 * p, origin[1 + 2 * p], unit[1 + 2 * p], -MAX_STRAIN, MAX_STRAIN);
            bound(lower, upper, 2 + 2 * p, origin[2 + 2 * p], unit[2 + 2 * p], Math.log(MIN_SIZE_NM), Math.log(MAX_SIZE_NM));
        }
        org.apache.commons.math3.analysis.MultivariateFunction objective = u -> {
            double z = origin[0] + u[0] * unit[0];
            double[][] trial = new double[k][];
            for (int p = 0; p < k; p++) {
                trial[p] = profiles(phases.get(p), origin[1 + 2 * p] + u[1 + 2 * p] * unit[1 + 2 * p], z,
                        Math.exp(origin[2 + 2 * p] + u[2 + 2 * p] * unit[2 + 2 * p]));
            }
            return solve(trial).chi2;
        };
        try {
            org.apache.commons.math3.optim.PointValuePair best = new org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer(
                    2 * dim + 1, 0.5, 1e-3).optimize(
                    new org.apache.commons.math3.optim.MaxEval(60 * dim + 100),
                    new org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction(objective),
                    org.apache.commons.math3.optim.nonlinear.scalar.GoalType.MINIMIZE,
                    new org.apache.commons.math3.optim.InitialGuess(start),
                    new org.apache.commons.math3.optim.SimpleBounds(lower, upper));
            if (best.getValue() < objective.value(start)) {
                double[] u = best.getPoint();
                zero[0] = origin[0] + u[0] * unit[0];
                for (int p = 0; p < k; p++) {
                    strain[p] = origin[1 + 2 * p] + u[1 + 2 * p] * unit[1 + 2 * p];
                    logSize[p] = origin[2 + 2 * p] + u[2 + 2 * p] * unit[2 + 2 * p];
                    profiles[p] = profiles(phases.get(p), strain[p], zero[0], Math.exp(logSize[p]));
                }
            }
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException budgetSpent) {
            // Keep the coordinate-sweep result: it is already a good fit, the polish only sharpens it.
        }
    }

    /** Background term {@code b} at grid point {@code i}: a Legendre polynomial, or a hump's value on the point's bin. */
    private double term(int b, int i) {
        return b < LEGENDRE_TERMS ? basis[b][i] : humpOnBins[b - LEGENDRE_TERMS][binOf[i]];
    }

    /** Bounds, in units of {@code unit} from {@code origin}, of ±5 units clipped to [{@code min}, {@code max}]. */
    private static void bound(double[] lower, double[] upper, int j, double origin, double unit, double min, double max) {
        lower[j] = Math.max(-5, (min - origin) / unit);
        upper[j] = Math.min(5, (max - origin) / unit);
    }

    private double[] profiles(LibraryPhase phase, double strain, double zeroShift, double sizeNm) {
        return cache.profile(phase, strain, zeroShift, sizeNm);
    }

    double[] twoTheta() {
        return x;
    }

    double[] intensity() {
        return y;
    }

    /** Rwp in percent for a weighted residual sum of squares. */
    double rwp(double chi2) {
        return 100 * Math.sqrt(Math.max(chi2, 0) / sumWeightedY2);
    }

    /** Rwp of the background alone (no phase), the baseline a first phase must improve on. */
    double backgroundOnlyRwp() {
        return rwp(solve(new double[0][]).chi2);
    }

    private double chi2With(double[][] profiles, int replaced, double[] replacement) {
        double[] saved = profiles[replaced];
        profiles[replaced] = replacement;
        try {
            return solve(profiles).chi2;
        } finally {
            profiles[replaced] = saved;
        }
    }

    private record Solution(double[] coefficients, double chi2) {
    }

    /**
     * Scales ≥ 0 and free background terms by weighted least squares; χ² of the net pattern. The weighted products
     * of each profile with the data and the background terms, and of each pair of profiles, are remembered by profile
     * identity: a coordinate search changes one phase at a time, so most of the normal matrix is reused.
     */
    private Solution solve(double[][] profiles) {
        int k = profiles.length;
        int m = k + backgroundTerms;
        double[][] g = new double[m][m];
        double[] h = new double[m];
        for (int a = 0; a < backgroundTerms; a++) {
            h[k + a] = backgroundH[a];
            for (int b = 0; b < backgroundTerms; b++) {
                g[k + a][k + b] = backgroundG[a][b];
            }
        }
        for (int p = 0; p < k; p++) {
            double[] stats = columnStats(profiles[p]);
            h[p] = stats[0];
            g[p][p] = stats[1];
            for (int b = 0; b < backgroundTerms; b++) {
                g[p][k + b] = stats[2 + b];
                g[k + b][p] = stats[2 + b];
            }
            for (int q = 0; q < p; q++) {
                double cross = crossProduct(profiles[p], profiles[q]);
                g[p][q] = cross;
                g[q][p] = cross;
            }
        }
        boolean[] constrained = new boolean[m];
        for (int p = 0; p < k; p++) {
            constrained[p] = true;
        }
        for (int b = LEGENDRE_TERMS; b < backgroundTerms; b++) {
            constrained[k + b] = true; // humps, like phases, only add intensity
        }
        boolean[] guess = new boolean[m];
        for (int p = 0; p < k; p++) {
            guess[p] = true;
        }
        System.arraycopy(humpsInUse, 0, guess, k, backgroundTerms);
        double[] c = NonNegativeLeastSquares.solve(g, h, constrained, guess);
        for (int b = LEGENDRE_TERMS; b < backgroundTerms; b++) {
            humpsInUse[b] = c[k + b] > 0;
        }
        double chi2 = weightedTT;
        for (int a = 0; a < m; a++) {
            chi2 -= 2 * c[a] * h[a];
            for (int b = 0; b < m; b++) {
                chi2 += c[a] * g[a][b] * c[b];
            }
        }
        return new Solution(c, chi2);
    }

    /** Σw·P·t, Σw·P², Σw·P·Lᵦ for one profile. */
    private double[] columnStats(double[] profile) {
        double[] cached = stats.get(profile);
        if (cached != null) {
            return cached;
        }
        double[] out = new double[2 + backgroundTerms];
        double[] binned = weightedOnBins;
        java.util.Arrays.fill(binned, 0);
        double[] l1 = basis[1];
        double[] l2 = basis[2];
        for (int i = 0; i < profile.length; i++) {
            double wp = weight[i] * profile[i];
            out[0] += wp * net[i];
            out[1] += wp * profile[i];
            out[2] += wp;
            out[3] += wp * l1[i];
            out[4] += wp * l2[i];
            binned[binOf[i]] += wp;
        }
        // A hump is constant on each bin, so its product with the profile is a sum over bins.
        for (int h = 0; h < humpOnBins.length; h++) {
            double[] hump = humpOnBins[h];
            double sum = 0;
            for (int j = humpSupport[h][0]; j < humpSupport[h][1]; j++) {
                sum += binned[j] * hump[j];
            }
            out[2 + LEGENDRE_TERMS + h] = sum;
        }
        if (stats.size() > CACHE_LIMIT) {
            stats.clear();
            crosses.clear();
        }
        stats.put(profile, out);
        return out;
    }

    private double crossProduct(double[] p, double[] q) {
        java.util.Map<double[], Double> row = crosses.computeIfAbsent(p, key -> new java.util.IdentityHashMap<>());
        Double cached = row.get(q);
        if (cached != null) {
            return cached;
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += weight[i] * p[i] * q[i];
        }
        row.put(q, sum);
        return sum;
    }

    /** Golden-section minimisation on [lo, hi]; returns the best point evaluated. */
    private static double golden(DoubleUnaryOperator f, double lo, double hi, double start) {
        if (!(hi > lo)) {
            return start;
        }
        double fs = f.applyAsDouble(start);
        double r = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - r * (b - a);
        double d = a + r * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < GOLDEN_STEPS; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - r * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + r * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        double best = fc < fd ? c : d;
        // Never leave a start that was better than anything found (the search interval may hold a worse valley).
        return Math.min(fc, fd) < fs ? best : start;
    }
}
