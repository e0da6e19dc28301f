package org.athanor.instruments.analysis.signal;

/**
 * Baseline by asymmetric least squares: minimise Σ wᵢ(yᵢ − zᵢ)² + λ Σ (Δ²zᵢ)², with wᵢ = p above the baseline and
 * 1 − p below it, re-weighted a few times (P. H. C. Eilers, H. F. M. Boelens, "Baseline correction with asymmetric
 * least squares smoothing", Leiden University Medical Centre report, 2005). The normal equations are pentadiagonal
 * and are solved by a banded Cholesky factorisation in O(n).
 */
public final class AsymmetricLeastSquares {

    private AsymmetricLeastSquares() {
    }

    /**
     * @param lambda smoothness (1e4–1e8 for a few thousand points; larger is stiffer)
     * @param p      asymmetry (0.001–0.05; small keeps the baseline under the peaks)
     */
    public static double[] baseline(double[] y, double lambda, double p, int iterations) {
        int n = y.length;
        if (n < 5) {
            return y.clone();
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        double[] z = y.clone();
        for (int it = 0; it < iterations; it++) {
            z = solve(y, w, lambda);
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                double nw = y[i] > z[i] ? p : 1 - p;
                changed |= nw != w[i];
                w[i] = nw;
            }
            if (!changed) {
                break;
            }
        }
        return z;
    }

    /** Solves (W + λ DᵀD) z = W y, D the second-difference operator, with a band-2 Cholesky factorisation. */
    private static double[] solve(double[] y, double[] w, double lambda) {
        int n = y.length;
        // DᵀD for second differences has diagonals (1,5,6,...,6,5,1), (−2,−4,...,−4,−2) and (1,...,1).
        double[] d0 = new double[n];
        double[] d1 = new double[n - 1];
        double[] d2 = new double[n - 2];
        for (int i = 0; i < n; i++) {
            double c = (i == 0 || i == n - 1) ? 1 : (i == 1 || i == n - 2) ? 5 : 6;
            d0[i] = w[i] + lambda * c;
        }
        for (int i = 0; i < n - 1; i++) {
            double c = (i == 0 || i == n - 2) ? -2 : -4;
            d1[i] = lambda * c;
        }
        for (int i = 0; i < n - 2; i++) {
            d2[i] = lambda;
        }
        // L with diagonal l0, first sub-diagonal l1, second l2; A = L Lᵀ.
        double[] l0 = new double[n];
        double[] l1 = new double[n];
        double[] l2 = new double[n];
        for (int i = 0; i < n; i++) {
            double a2 = i >= 2 ? d2[i - 2] : 0;
            l2[i] = i >= 2 ? a2 / l0[i - 2] : 0;
            double a1 = i >= 1 ? d1[i - 1] : 0;
            l1[i] = i >= 1 ? (a1 - (i >= 2 ? l2[i] * l1[i - 1] : 0)) / l0[i - 1] : 0;
            double diag = d0[i] - l1[i] * l1[i] - l2[i] * l2[i];
            l0[i] = Math.sqrt(Math.max(diag, 1e-300));
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double s = w[i] * y[i];
            if (i >= 1) {
                s -= l1[i] * t[i - 1];
            }
            if (i >= 2) {
                s -= l2[i] * t[i - 2];
            }
            t[i] = s / l0[i];
        }
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = t[i];
            if (i + 1 < n) {
                s -= l1[i + 1] * z[i + 1];
            }
            if (i + 2 < n) {
                s -= l2[i + 2] * z[i + 2];
            }
            z[i] = s / l0[i];
        }
        return z;
    }
}
