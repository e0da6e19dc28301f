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
}
