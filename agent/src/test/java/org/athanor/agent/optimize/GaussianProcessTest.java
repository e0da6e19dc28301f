package org.athanor.agent.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    @Test
    void interpolatesASmoothFunctionAtPointsItWasNotGiven() {
        int n = 12;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) / n;
            x[i] = new double[] {t, 0.5};
            y[i] = 3 + Math.sin(2 * Math.PI * t);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, null, 3, new Random(1));

        for (int k = 0; k < 20; k++) {
            double t = 0.05 + 0.9 * k / 19.0;
            double[] p = gp.predict(new double[] {t, 0.5});
            assertThat(p[0]).as("mean at %.3f", t).isCloseTo(3 + Math.sin(2 * Math.PI * t), org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void learnsThatAnInputWithoutEffectHasALongLengthScale() {
        Random r = new Random(7);
        int n = 30;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextDouble(), r.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, null, 3, new Random(2));

        double[] l = gp.hyper().lengthScales();
        assertThat(l[1]).isGreaterThan(3 * l[0]);
    }

    @Test
    void isUncertainFarFromTheDataAndSureAtIt() {
        double[][] x = {{0.1}, {0.15}, {0.2}, {0.25}};
        double[] y = {1, 1.2, 1.1, 0.9};
        GaussianProcess gp = GaussianProcess.withHyper(x, y, new GaussianProcess.Hyper(new double[] {0.1}, 1, 1e-4));

        assertThat(gp.predict(new double[] {0.9})[1]).isGreaterThan(5 * gp.predict(new double[] {0.15})[1]);
    }

    @Test
    void theFittedLikelihoodIsAtLeastThatOfTheStartingGuess() {
        Random r = new Random(3);
        double[][] x = new double[15][];
        double[] y = new double[15];
        for (int i = 0; i < 15; i++) {
            x[i] = new double[] {r.nextDouble(), r.nextDouble()};
            y[i] = x[i][0] * x[i][0] - x[i][1] + 0.01 * r.nextGaussian();
        }
        GaussianProcess.Hyper guess = new GaussianProcess.Hyper(new double[] {0.3, 0.3}, 1, 0.01);
        double before = GaussianProcess.withHyper(x, y, guess).logMarginalLikelihood();

        assertThat(GaussianProcess.fit(x, y, guess, 0, r).logMarginalLikelihood()).isGreaterThanOrEqualTo(before);
    }
}
