package org.athanor.instruments.analysis.signal;

/**
 * Background estimate by SNIP (statistics-sensitive non-linear iterative peak clipping): each point is clipped to the
 * mean of its neighbours at growing distances, which removes peaks narrower than the window and keeps the smooth
 * background. Done on the log-log-square-root transform so that the clipping behaves alike for weak and strong
 * signals (C. G. Ryan et al., Nucl. Instrum. Methods B 34, 396 (1988); M. Morháč et al., NIM A 401, 113 (1997)).
 */
public final class SnipBackground {

    private SnipBackground() {
    }

    /**
     * @param y          signal (counts or any non-negative intensity)
     * @param halfWindow largest clipping distance in points; about the full width at the base of the broadest peak
     * @return the background, point by point, never above the signal
     */
    public static double[] estimate(double[] y, int halfWindow) {
        int n = y.length;
        double offset = 0;
        for (double v : y) {
            offset = Math.min(offset, v);
        }
        // The transform needs non-negative input; a constant offset is added and removed again.
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = forward(y[i] - offset);
        }
        double[] next = new double[n];
        int window = Math.max(1, Math.min(halfWindow, (n - 1) / 2));
        for (int p = 1; p <= window; p++) {
            for (int i = 0; i < n; i++) {
                if (i < p || i >= n - p) {
                    next[i] = v[i];
                } else {
                    next[i] = Math.min(v[i], 0.5 * (v[i - p] + v[i + p]));
                }
            }
            double[] swap = v;
            v = next;
            next = swap;
        }
        double[] background = new double[n];
        for (int i = 0; i < n; i++) {
            background[i] = Math.min(y[i], inverse(v[i]) + offset);
        }
        return background;
    }

    private static double forward(double x) {
        return Math.log(Math.log(Math.sqrt(x + 1) + 1) + 1);
    }

    private static double inverse(double v) {
        double s = Math.exp(Math.exp(v) - 1) - 1;
        return s * s - 1;
    }
}
