package org.athanor.instruments.analysis.signal;

/**
 * Savitzky–Golay smoothing with a quadratic (= cubic for the smoothing weights) polynomial: the classic closed-form
 * convolution weights W_i = (3m² + 3m − 1 − 5i²) / ((2m − 1)(2m + 1)(2m + 3) / 3) for half-width m
 * (A. Savitzky, M. J. E. Golay, Anal. Chem. 36, 1627 (1964)). Ends are smoothed with the truncated, renormalised window.
 */
public final class SavitzkyGolay {

    private SavitzkyGolay() {
    }

    public static double[] smooth(double[] y, int halfWidth) {
        int n = y.length;
        if (halfWidth < 1 || n < 3) {
            return y.clone();
        }
        int m = halfWidth;
        double norm = (2.0 * m - 1) * (2.0 * m + 1) * (2.0 * m + 3) / 3.0;
        double[] w = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            w[i] = (3.0 * m * m + 3.0 * m - 1 - 5.0 * i * i) / norm;
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            if (k >= m && k < n - m) {
                double s = w[0] * y[k];
                for (int i = 1; i <= m; i++) {
                    s += w[i] * (y[k - i] + y[k + i]);
                }
                out[k] = s;
            } else {
                // Near the ends: plain moving average over what exists, which is unbiased for a flat signal.
                int lo = Math.max(0, k - m);
                int hi = Math.min(n - 1, k + m);
                double s = 0;
                for (int i = lo; i <= hi; i++) {
                    s += y[i];
                }
                out[k] = s / (hi - lo + 1);
            }
        }
        return out;
    }
}
