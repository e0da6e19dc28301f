package org.athanor.instruments.analysis.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits detected peaks with pseudo-Voigt profiles by Levenberg–Marquardt. Peaks closer than a few widths are fitted
 * together in one window, each with its own centre, height, width and Lorentzian fraction, over a linear local
 * offset that absorbs what the baseline left.
 */
public final class PeakFitter {

    /** Half-window around a group of peaks, in units of the widest peak's FWHM. */
    private static final double WINDOW_WIDTHS = 2.5;
    /** Most peaks fitted together; a longer run of overlapping peaks is cut into groups of this size. */
    private static final int MAX_GROUP = 4;

    private PeakFitter() {
    }

    public static List<FittedPeak> fit(double[] x, double[] net, List<DetectedPeak> detected) {
        List<DetectedPeak> sorted = new ArrayList<>(detected);
        sorted.sort(Comparator.comparingDouble(DetectedPeak::position));
        List<FittedPeak> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            List<DetectedPeak> group = new ArrayList<>();
            group.add(sorted.get(i));
            int j = i + 1;
            while (j < sorted.size()) {
                DetectedPeak last = group.get(group.size() - 1);
                DetectedPeak next = sorted.get(j);
                if (group.size() >= MAX_GROUP || next.position() - last.position() > WINDOW_WIDTHS * (last.fwhm() + next.fwhm())) {
                    break;
                }
                group.add(next);
                j++;
            }
            out.addAll(fitGroup(x, net, group));
            i = j;
        }
        return out;
    }

    private static List<FittedPeak> fitGroup(double[] x, double[] net, List<DetectedPeak> group) {
        double lo = group.get(0).position() - WINDOW_WIDTHS * group.get(0).fwhm();
        DetectedPeak lastPeak = group.get(group.size() - 1);
        double hi = lastPeak.position() + WINDOW_WIDTHS * lastPeak.fwhm();
        int a = lowerIndex(x, lo);
        int b = Math.min(x.length - 1, lowerIndex(x, hi) + 1);
        int m = b - a + 1;
        int k = group.size();
        if (m < 4 * k + 2) {
            return group.stream().map(p -> new FittedPeak(p.position(), p.height(), p.fwhm(), 0.5,
                    FittedPeak.area(p.height(), p.fwhm(), 0.5))).toList();
        }
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int t = 0; t < m; t++) {
            xs[t] = x[a + t];
            ys[t] = net[a + t];
        }
        double centre = 0.5 * (xs[0] + xs[m - 1]);
        // Parameters per peak: centre, height, log(width), logit(η); then offset and slope.
        double[] start = new double[4 * k + 2];
        for (int p = 0; p < k; p++) {
            DetectedPeak d = group.get(p);
            start[4 * p] = d.position();
            start[4 * p + 1] = d.height();
            start[4 * p + 2] = Math.log(Math.max(d.fwhm(), xs[1] - xs[0]));
            start[4 * p + 3] = 0;
        }
        MultivariateJacobianFunction model = params -> {
            double[] v = params.toArray();
            double[] value = evaluate(xs, v, k, centre);
            double[][] jac = new double[m][v.length];
            for (int q = 0; q < v.length; q++) {
                double h = 1e-6 * Math.max(1, Math.abs(v[q]));
                double saved = v[q];
                v[q] = saved + h;
                double[] plus = evaluate(xs, v, k, centre);
                v[q] = saved;
                for (int t = 0; t < m; t++) {
                    jac[t][q] = (plus[t] - value[t]) / h;
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
        };
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start).model(model).target(ys).maxEvaluations(2000).maxIterations(200).lazyEvaluation(false).build());
            double[] v = optimum.getPoint().toArray();
            List<FittedPeak> fitted = new ArrayList<>();
            for (int p = 0; p < k; p++) {
                double pos = v[4 * p];
                double height = v[4 * p + 1];
                double width = Math.exp(v[4 * p + 2]);
                double eta = 1 / (1 + Math.exp(-v[4 * p + 3]));
                boolean plausible = pos >= xs[0] && pos <= xs[m - 1] && height > 0 && width < (xs[m - 1] - xs[0]);
                DetectedPeak d = group.get(p);
                fitted.add(plausible ? new FittedPeak(pos, height, width, eta, FittedPeak.area(height, width, eta))
                        : new FittedPeak(d.position(), d.height(), d.fwhm(), 0.5, FittedPeak.area(d.height(), d.fwhm(), 0.5)));
            }
            return fitted;
        } catch (RuntimeException notConverged) {
            // A window that does not converge keeps the search estimates rather than losing the peaks.
            return group.stream().map(p -> new FittedPeak(p.position(), p.height(), p.fwhm(), 0.5,
                    FittedPeak.area(p.height(), p.fwhm(), 0.5))).toList();
        }
    }

    private static double[] evaluate(double[] xs, double[] v, int k, double centre) {
        double[] out = new double[xs.length];
        double offset = v[4 * k];
        double slope = v[4 * k + 1];
        for (int t = 0; t < xs.length; t++) {
            double s = offset + slope * (xs[t] - centre);
            for (int p = 0; p < k; p++) {
                double width = Math.exp(v[4 * p + 2]);
                double eta = 1 / (1 + Math.exp(-v[4 * p + 3]));
                s += v[4 * p + 1] * FittedPeak.shape(xs[t] - v[4 * p], width, eta);
            }
            out[t] = s;
        }
        return out;
    }

    private static int lowerIndex(double[] x, double value) {
        int idx = java.util.Arrays.binarySearch(x, value);
        int i = idx >= 0 ? idx : -idx - 2;
        return Math.max(0, Math.min(x.length - 1, i));
    }
}
