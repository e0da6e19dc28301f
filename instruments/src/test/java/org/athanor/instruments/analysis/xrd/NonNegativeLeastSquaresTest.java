package org.athanor.instruments.analysis.xrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NonNegativeLeastSquaresTest {

    @Test
    void returnsTheUnconstrainedSolutionWhenItIsAlreadyNonNegative() {
        // A = [[1,0],[0,2],[1,1]], y = [1,4,3] → x = (1, 2) exactly.
        double[][] g = {{2, 1}, {1, 5}};
        double[] h = {4, 11};
        double[] x = NonNegativeLeastSquares.solve(g, h, new boolean[] {true, true});
        assertThat(x[0]).isCloseTo(1, within(1e-9));
        assertThat(x[1]).isCloseTo(2, within(1e-9));
    }

    @Test
    void clampsANegativeScaleToZeroAndRefitsTheRest() {
        // A = [[1,1],[1,0]], y = [1,2]: unconstrained x = (2, −1); with x ≥ 0 the answer is x = (1.5, 0).
        double[][] g = {{2, 1}, {1, 1}};
        double[] h = {3, 1};
        double[] x = NonNegativeLeastSquares.solve(g, h, new boolean[] {true, true});
        assertThat(x[0]).isCloseTo(1.5, within(1e-9));
        assertThat(x[1]).isEqualTo(0);
    }

    @Test
    void leavesUnconstrainedUnknownsFreeToGoNegative() {
        double[][] g = {{2, 1}, {1, 1}};
        double[] h = {3, 1};
        double[] x = NonNegativeLeastSquares.solve(g, h, new boolean[] {true, false});
        assertThat(x[0]).isCloseTo(2, within(1e-9));
        assertThat(x[1]).isCloseTo(-1, within(1e-9));
    }

    @Test
    void aWarmStartGivesTheColdAnswerWhateverItGuesses() {
        java.util.Random random = new java.util.Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 12;
            int k = 6;
            double[][] a = new double[rows][k];
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < k; c++) {
                    a[r][c] = random.nextDouble();
                }
                y[r] = random.nextGaussian();
            }
            double[][] g = new double[k][k];
            double[] h = new double[k];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < k; c++) {
                    h[c] += a[r][c] * y[r];
                    for (int d = 0; d < k; d++) {
                        g[c][d] += a[r][c] * a[r][d];
                    }
                }
            }
            boolean[] constrained = {true, true, true, true, false, true};
            boolean[] guess = new boolean[k];
            for (int c = 0; c < k; c++) {
                guess[c] = random.nextBoolean();
            }
            double[] cold = NonNegativeLeastSquares.solve(g, h, constrained);
            double[] warm = NonNegativeLeastSquares.solve(g, h, constrained, guess);
            for (int c = 0; c < k; c++) {
                assertThat(warm[c]).as("unknown %d, trial %d", c, trial).isCloseTo(cold[c], within(1e-8));
                if (constrained[c]) {
                    assertThat(warm[c]).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }
}
