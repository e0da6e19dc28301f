package org.athanor.agent.optimize;

import java.util.Random;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Gaussian-process regression with an ARD Matérn 5/2 kernel (Rasmussen &amp; Williams, <i>Gaussian Processes for
 * Machine Learning</i>, 2006, eq. 4.17) on standardised targets, with a constant mean. Hyperparameters (one length
 * scale per input, signal and noise variance) maximise the log marginal likelihood (ibid. eq. 2.30), found by
 * BOBYQA from a few starts. Linear algebra is Commons Math's Cholesky decomposition.
 */
public final class GaussianProcess {

    /** Hyperparameters in natural units: length scales per input (unit cube), signal variance, noise variance. */
    public record Hyper(double[] lengthScales, double signalVariance, double noiseVariance) {
        double[] toLog() {
            double[] t = new double[lengthScales.length + 2];
            for (int i = 0; i < lengthScales.length; i++) {
                t[i] = Math.log(lengthScales[i]);
            }
            t[lengthScales.length] = Math.log(signalVariance);
            t[lengthScales.length + 1] = Math.log(noiseVariance);
            return t;
        }

        static Hyper fromLog(double[] t) {
            int d = t.length - 2;
            double[] l = new double[d];
            for (int i = 0; i < d; i++) {
                l[i] = Math.exp(t[i]);
            }
            return new Hyper(l, Math.exp(t[d]), Math.exp(t[d + 1]));
        }
    }

    // Bounds in log space. Inputs live in [0,1], so length scales from 0.02 (sharp) to 20 (irrelevant input);
    // targets are standardised, so signal variance near 1 and noise from 1e-6 (near-noiseless tables) to 1.
    private static final double LOG_L_MIN = Math.log(0.02);
    private static final double LOG_L_MAX = Math.log(20);
    private static final double LOG_S_MIN = Math.log(0.05);
    private static final double LOG_S_MAX = Math.log(20);
    private static final double LOG_N_MIN = Math.log(1e-6);
    private static final double LOG_N_MAX = Math.log(1);
    private static final double SQRT5 = Math.sqrt(5);

    private final double[][] x;
    private final double mean;
    private final double scale;
    private final Hyper hyper;
    private final DecompositionSolver solver;
    private final RealVector alpha;
    private final double logMarginalLikelihood;

    private GaussianProcess(double[][] x, double mean, double scale, Hyper hyper, DecompositionSolver solver, RealVector alpha, double lml) {
        this.x = x;
        this.mean = mean;
        this.scale = scale;
        this.hyper = hyper;
        this.solver = solver;
        this.alpha = alpha;
        this.logMarginalLikelihood = lml;
    }

    /** Fits hyperparameters by maximising the log marginal likelihood from {@code restarts} starts (plus {@code start} if given). */
    public static GaussianProcess fit(double[][] x, double[] y, Hyper start, int restarts, Random random) {
        double[] stats = standardise(y);
        double[] ys = scaled(y, stats);
        int d = x[0].length;
        int n = d + 2;
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < d; i++) {
            lower[i] = LOG_L_MIN;
            upper[i] = LOG_L_MAX;
        }
        lower[d] = LOG_S_MIN;
        upper[d] = LOG_S_MAX;
        lower[d + 1] = LOG_N_MIN;
        upper[d + 1] = LOG_N_MAX;
        ObjectiveFunction f = new ObjectiveFunction(t -> {
            Double lml = logMarginalLikelihood(x, ys, Hyper.fromLog(t));
            return lml == null ? -1e10 : lml;
        });
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int r = 0; r <= restarts; r++) {
            double[] guess;
            if (r == 0) {
                guess = start != null ? clampAll(start.toLog(), lower, upper) : defaultGuess(d);
            } else {
                guess = new double[n];
                for (int i = 0; i < n; i++) {
                    guess[i] = lower[i] + random.nextDouble() * (upper[i] - lower[i]);
                }
            }
            try {
                PointValuePair p = new BOBYQAOptimizer(2 * n + 1).optimize(new MaxEval(60 * n), f, GoalType.MAXIMIZE,
                        new InitialGuess(guess), new SimpleBounds(lower, upper));
                if (p.getValue() > bestValue) {
                    bestValue = p.getValue();
                    best = p.getPoint();
                }
            } catch (MathIllegalStateException e) {
                // evaluation budget spent: keep what earlier starts found
            }
        }
        Hyper h = best == null ? Hyper.fromLog(defaultGuess(d)) : Hyper.fromLog(best);
        return withHyper(x, y, h);
    }

    /** Conditions the process on data with fixed hyperparameters (no optimisation). */
    public static GaussianProcess withHyper(double[][] x, double[] y, Hyper hyper) {
        double[] stats = standardise(y);
        double[] ys = scaled(y, stats);
        for (double jitter = 0; ; jitter = jitter == 0 ? 1e-8 : jitter * 100) {
            RealMatrix k = covariance(x, hyper, jitter);
            try {
                CholeskyDecomposition chol = new CholeskyDecomposition(k);
                DecompositionSolver solver = chol.getSolver();
                RealVector alpha = solver.solve(new ArrayRealVector(ys));
                return new GaussianProcess(x, stats[0], stats[1], hyper, solver, alpha, lml(ys, alpha, chol));
            } catch (RuntimeException e) { // not positive definite: add jitter to the diagonal and try again
                if (jitter > 1e-2) {
                    throw new IllegalStateException("covariance matrix is not positive definite even with jitter", e);
                }
            }
        }
    }

    /** Posterior mean and standard deviation at {@code point}, in the targets' own units. */
    public double[] predict(double[] point) {
        int n = x.length;
        double[] ks = new double[n];
        for (int i = 0; i < n; i++) {
            ks[i] = kernel(point, x[i], hyper);
        }
        RealVector kv = new ArrayRealVector(ks, false);
        double mu = kv.dotProduct(alpha);
        double var = hyper.signalVariance() - kv.dotProduct(solver.solve(kv));
        return new double[] {mean + scale * mu, scale * Math.sqrt(Math.max(var, 1e-12))};
    }

    public Hyper hyper() {
        return hyper;
    }

    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    static double kernel(double[] a, double[] b, Hyper h) {
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] - b[i]) / h.lengthScales()[i];
            r2 += d * d;
        }
        double r = Math.sqrt(r2);
        return h.signalVariance() * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    private static RealMatrix covariance(double[][] x, Hyper h, double jitter) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], h);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += h.noiseVariance() + jitter;
        }
        return new Array2DRowRealMatrix(k, false);
    }

    private static Double logMarginalLikelihood(double[][] x, double[] ys, Hyper h) {
        try {
            CholeskyDecomposition chol = new CholeskyDecomposition(covariance(x, h, 1e-10));
            RealVector alpha = chol.getSolver().solve(new ArrayRealVector(ys));
            return lml(ys, alpha, chol);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double lml(double[] ys, RealVector alpha, CholeskyDecomposition chol) {
        RealMatrix l = chol.getL();
        double logDet = 0;
        for (int i = 0; i < ys.length; i++) {
            logDet += Math.log(l.getEntry(i, i));
        }
        return -0.5 * new ArrayRealVector(ys, false).dotProduct(alpha) - logDet - 0.5 * ys.length * Math.log(2 * Math.PI);
    }

    /**
     * Mean and standard deviation of the targets, computed on the targets divided by the power of two nearest their
     * largest magnitude, so that neither the sum nor the squares overflow or underflow (objectives of order 1e300 or
     * 1e-300 are as valid as fractions); dividing by a power of two is exact, so ordinary targets standardise exactly
     * as without it. A spread below rounding (every target equal) scales by that power of two.
     */
    private static double[] standardise(double[] y) {
        double big = 0;
        for (double v : y) {
            big = Math.max(big, Math.abs(v));
        }
        double unit = big == 0 ? 1 : Math.scalb(1.0, Math.getExponent(big));
        double m = 0;
        for (double v : y) {
            m += v / unit;
        }
        m /= y.length;
        double s = 0;
        for (double v : y) {
            s += (v / unit - m) * (v / unit - m);
        }
        s = Math.sqrt(s / Math.max(1, y.length - 1));
        return new double[] {m * unit, (s > 1e-12 ? s : 1) * unit};
    }

    private static double[] scaled(double[] y, double[] stats) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - stats[0]) / stats[1];
        }
        return out;
    }

    private static double[] defaultGuess(int d) {
        double[] g = new double[d + 2];
        for (int i = 0; i < d; i++) {
            g[i] = Math.log(0.3);
        }
        g[d] = 0;
        g[d + 1] = Math.log(1e-2);
        return g;
    }

    private static double[] clampAll(double[] t, double[] lower, double[] upper) {
        double[] out = t.clone();
        for (int i = 0; i < t.length; i++) {
            out[i] = Math.max(lower[i], Math.min(upper[i], t[i]));
        }
        return out;
    }
}
