package org.athanor.crystal;

import java.util.SplittableRandom;

/**
 * Poisson counting statistics from a seeded generator, so a simulated pattern is reproducible from its seed.
 * Small means use Knuth's product method; means ≥ 10 use Hörmann's transformed rejection (PTRS, Insurance: Math. Econ.
 * 12 (1993) 39), the method numpy uses.
 */
public final class CountingNoise {

    private final SplittableRandom random;

    public CountingNoise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Counts drawn from Poisson(expected[i]) for each point; negative expectations count as 0. */
    public double[] apply(double[] expected) {
        double[] out = new double[expected.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = poisson(Math.max(0, expected[i]));
        }
        return out;
    }

    public long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 10) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                k++;
                product *= random.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * loglam - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln k! via Stirling's series (exact table below 10). */
    static double logFactorial(long k) {
        if (k < 10) {
            double f = 1;
            for (int i = 2; i <= k; i++) {
                f *= i;
            }
            return Math.log(f);
        }
        double x = k + 1.0;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                + 1 / (12 * x) - 1 / (360 * x * x * x) + 1 / (1260 * Math.pow(x, 5));
    }
}
