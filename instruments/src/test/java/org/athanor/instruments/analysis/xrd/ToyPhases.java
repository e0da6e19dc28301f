package org.athanor.instruments.analysis.xrd;

import java.util.Random;

/**
 * Made-up phases for unit tests of the fitting machinery: a handful of lines each, drawn as Cu Kα1 pseudo-Voigt
 * peaks. (Real phases come from CIFs through the crystal module's calculator; these only exercise the algebra.)
 */
final class ToyPhases {

    static final double LAMBDA = 1.540562;

    private ToyPhases() {
    }

    static LibraryPhase phase(String id, double[] d, double[] intensity) {
        return new LibraryPhase(id, id, d, intensity, (grid, strain, zero, size) -> render(grid, d, intensity, strain, zero, size));
    }

    static double[] render(double[] grid, double[] d, double[] intensity, double strain, double zero, double sizeNm) {
        double[] out = new double[grid.length];
        for (int k = 0; k < d.length; k++) {
            double tt = LibraryPhase.twoTheta(d[k], LAMBDA, strain);
            if (Double.isNaN(tt)) {
                continue;
            }
            tt += zero;
            double theta = Math.toRadians(tt / 2);
            double scherrer = Math.toDegrees(0.9 * LAMBDA / (sizeNm * 10 * Math.cos(theta)));
            double fwhm = Math.sqrt(0.004 * Math.pow(Math.tan(theta), 2) - 0.002 * Math.tan(theta) + 0.003 + scherrer * scherrer);
            for (int i = 0; i < grid.length; i++) {
                double u = (grid[i] - tt) / (fwhm / 2);
                if (Math.abs(u) > 60) {
                    continue;
                }
                out[i] += intensity[k] / fwhm * (0.5 / (1 + u * u) + 0.5 * Math.exp(-Math.log(2) * u * u));
            }
        }
        return out;
    }

    static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + i * step;
        }
        return g;
    }

    /** Poisson counts of a mean curve, by a normal approximation above 30 counts. */
    static double[] counts(double[] mean, long seed) {
        Random random = new Random(seed);
        double[] out = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            double m = Math.max(mean[i], 0);
            out[i] = Math.max(0, Math.round(m + Math.sqrt(m) * random.nextGaussian()));
        }
        return out;
    }
}
