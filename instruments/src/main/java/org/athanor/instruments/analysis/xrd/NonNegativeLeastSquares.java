package org.athanor.instruments.analysis.xrd;

import java.util.Arrays;

/**
 * Least squares with sign constraints on some unknowns, for the few-unknown problems of pattern fitting (phase
 * scales ≥ 0, background terms free). Works on the normal equations G x = h (G = AᵀWA, h = AᵀWy) with the
 * Lawson–Hanson active-set method (C. L. Lawson, R. J. Hanson, Solving Least Squares Problems, 1974, ch. 23).
 */
final class NonNegativeLeastSquares {

    private NonNegativeLeastSquares() {
    }

    /**
     * @param g           symmetric positive semi-definite matrix, k×k
     * @param h           right-hand side
     * @param constrained which unknowns must be ≥ 0
     */
    static double[] solve(double[][] g, double[] h, boolean[] constrained) {
        return solve(g, h, constrained, null);
    }

    /**
     * As {@link #solve(double[][], double[], boolean[])}, starting from a guess of which constrained unknowns end up
     * positive (a warm start: a search solving many nearby problems usually keeps the same set). When the guess's
     * solution is not feasible, the method starts from none, so the answer does not depend on the guess.
     *
     * @param positive constrained unknowns guessed to be positive, or null
     */
    static double[] solve(double[][] g, double[] h, boolean[] constrained, boolean[] positive) {
        int k = h.length;
        boolean[] passive = new boolean[k];
        double[] x = null;
        if (positive != null) {
            for (int j = 0; j < k; j++) {
                passive[j] = !constrained[j] || positive[j];
            }
            double[] z = solveSubset(g, h, passive);
            boolean feasible = true;
            for (int j = 0; j < k && feasible; j++) {
                feasible = !(passive[j] && constrained[j] && z[j] <= 0);
            }
            x = feasible ? z : null;
        }
        if (x == null) {
            for (int j = 0; j < k; j++) {
                passive[j] = !constrained[j];
            }
            // Free unknowns only: nothing to constrain yet; constrained ones are still at zero.
            x = anyPassive(passive) ? solveSubset(g, h, passive) : new double[k];
        }
        for (int iteration = 0; iteration < 3 * k + 10; iteration++) {
            double[] gradient = gradient(g, h, x);
            int enter = -1;
            double best = 1e-12 * (1 + norm(h));
            for (int j = 0; j < k; j++) {
                if (!passive[j] && gradient[j] > best) {
                    best = gradient[j];
                    enter = j;
                }
            }
            if (enter < 0) {
                break;
            }
            passive[enter] = true;
            while (true) {
                double[] z = solveSubset(g, h, passive);
                double alpha = 1;
                int leave = -1;
                for (int j = 0; j < k; j++) {
                    if (passive[j] && constrained[j] && z[j] <= 0) {
                        double a = x[j] / (x[j] - z[j]);
                        if (a < alpha) {
                            alpha = a;
                            leave = j;
                        }
                    }
                }
                if (leave < 0) {
                    x = z;
                    break;
                }
                for (int j = 0; j < k; j++) {
                    x[j] += alpha * (z[j] - x[j]);
                    if (constrained[j] && passive[j] && x[j] <= 1e-15 * (1 + Math.abs(z[j]))) {
                        passive[j] = false;
                        x[j] = 0;
                    }
                }
                passive[leave] = false;
                x[leave] = 0;
            }
        }
        return x;
    }

    private static boolean anyPassive(boolean[] passive) {
        for (boolean p : passive) {
            if (p) {
                return true;
            }
        }
        return false;
    }

    /** −∇ of ½xᵀGx − hᵀx, i.e. h − Gx: positive where increasing an unknown lowers the misfit. */
    private static double[] gradient(double[][] g, double[] h, double[] x) {
        double[] out = h.clone();
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h.length; j++) {
                out[i] -= g[i][j] * x[j];
            }
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Solves the sub-system of the passive unknowns (others held at zero), with a tiny ridge for degenerate columns. */
    private static double[] solveSubset(double[][] g, double[] h, boolean[] passive) {
        int k = h.length;
        int[] idx = new int[k];
        int m = 0;
        for (int j = 0; j < k; j++) {
            if (passive[j]) {
                idx[m++] = j;
            }
        }
        double[][] a = new double[m][m + 1];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a[r][c] = g[idx[r]][idx[c]];
            }
            a[r][r] += 1e-12 * Math.abs(g[idx[r]][idx[r]]) + 1e-300;
            a[r][m] = h[idx[r]];
        }
        // Gaussian elimination with partial pivoting; m is a few dozen at most.
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double d = a[col][col];
            if (d == 0) {
                continue;
            }
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / d;
                if (f != 0) {
                    for (int c = col; c <= m; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] sol = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int c = r + 1; c < m; c++) {
                s -= a[r][c] * sol[c];
            }
            sol[r] = a[r][r] == 0 ? 0 : s / a[r][r];
        }
        double[] out = new double[k];
        Arrays.fill(out, 0);
        for (int r = 0; r < m; r++) {
            out[idx[r]] = sol[r];
        }
        return out;
    }
}
