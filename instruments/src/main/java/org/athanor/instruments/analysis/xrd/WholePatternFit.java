package org.athanor.instruments.analysis.xrd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Whole-pattern fit of a few phases' simulated profiles to a measured pattern: the linear unknowns (one Rietveld
 * scale per phase, ≥ 0, and a small Legendre background correction on top of the SNIP background) are solved
 * exactly by non-negative least squares inside a coordinate-wise golden-section search over the non-linear ones
 * (zero shift, and per phase lattice strain and crystallite size). Weights are Poisson, 1/max(y, 1).
 */
final class WholePatternFit {

    private static final int BACKGROUND_TERMS = 3;
    private static final double MIN_SIZE_NM = 5;
    private static final double MAX_SIZE_NM = 1000;
    private static final double MAX_ZERO_SHIFT = 0.3;
    private static final int GOLDEN_STEPS = 12;

    private final double[] x;
    private final double[] y;
    private final double[] background;
    private final double[] weight;
    private final double[][] legendre;
    private final double sumWeightedY2;
    private final ProfileCache cache;
    private final double[] net;
    private final double weightedTT;
    private final double[] backgroundH = new double[BACKGROUND_TERMS];
    private final double[][] backgroundG = new double[BACKGROUND_TERMS][BACKGROUND_TERMS];
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
        legendre = new double[BACKGROUND_TERMS][n];
        double lo = x[0];
        double hi = x[n - 1];
        for (int i = 0; i < n; i++) {
            double u = hi > lo ? 2 * (x[i] - lo) / (hi - lo) - 1 : 0;
            legendre[0][i] = 1;
            if (BACKGROUND_TERMS > 1) {
                legendre[1][i] = u;
            }
            if (BACKGROUND_TERMS > 2) {
                legendre[2][i] = 0.5 * (3 * u * u - 1);
            }
        }
        net = new double[n];
        double tt = 0;
        for (int i = 0; i < n; i++) {
            net[i] = y[i] - background[i];
            tt += weight[i] * net[i] * net[i];
            for (int a = 0; a < BACKGROUND_TERMS; a++) {
                backgroundH[a] += weight[i] * legendre[a][i] * net[i];
                for (int b = 0; b < BACKGROUND_TERMS; b++) {
                    backgroundG[a][b] += weight[i] * legendre[a][i] * legendre[b][i];
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
                        Math.max(-CandidateRanking.MAX_STRAIN - 0.005, strain[q] - strainRange),
                        Math.min(CandidateRanking.MAX_STRAIN + 0.005, strain[q] + strainRange), strain[q]);
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
            for (int b = 0; b < BACKGROUND_TERMS; b++) {
                v += s.coefficients[k + b] * legendre[b][i];
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
        for (int j = 0; j < dim; j++) {
            lower[j] = -5;
            upper[j] = 5;
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
        int m = k + BACKGROUND_TERMS;
        double[][] g = new double[m][m];
        double[] h = new double[m];
        for (int a = 0; a < BACKGROUND_TERMS; a++) {
            h[k + a] = backgroundH[a];
            for (int b = 0; b < BACKGROUND_TERMS; b++) {
                g[k + a][k + b] = backgroundG[a][b];
            }
        }
        for (int p = 0; p < k; p++) {
            double[] stats = columnStats(profiles[p]);
            h[p] = stats[0];
            g[p][p] = stats[1];
            for (int b = 0; b < BACKGROUND_TERMS; b++) {
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
        double[] c = NonNegativeLeastSquares.solve(g, h, constrained);
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
        double[] out = new double[2 + BACKGROUND_TERMS];
        for (int i = 0; i < profile.length; i++) {
            double wp = weight[i] * profile[i];
            if (wp == 0) {
                continue;
            }
            out[0] += wp * net[i];
            out[1] += wp * profile[i];
            for (int b = 0; b < BACKGROUND_TERMS; b++) {
                out[2 + b] += wp * legendre[b][i];
            }
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
