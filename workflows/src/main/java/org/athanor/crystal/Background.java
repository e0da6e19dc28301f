package org.athanor.crystal;

/**
 * A smooth pattern background as a Chebyshev series over the 2θ range (the usual GSAS-II / TOPAS choice): the range
 * [start, end] maps to x ∈ [−1, 1] and b(2θ) = Σ cₙ·Tₙ(x).
 *
 * @param coefficients c₀, c₁, … in counts (per step)
 * @param start        2θ mapped to x = −1, degrees
 * @param end          2θ mapped to x = +1, degrees
 */
public record Background(double[] coefficients, double start, double end) {

    public Background {
        coefficients = coefficients.clone();
        if (!(end > start)) {
            throw new IllegalArgumentException("background range must have end > start");
        }
    }

    /** A flat background. */
    public static Background constant(double level, double start, double end) {
        return new Background(new double[] {level}, start, end);
    }

    public double at(double twoTheta) {
        double x = (2 * twoTheta - start - end) / (end - start);
        double tPrev = 1;
        double t = x;
        double sum = coefficients.length > 0 ? coefficients[0] : 0;
        for (int n = 1; n < coefficients.length; n++) {
            sum += coefficients[n] * t;
            double next = 2 * x * t - tPrev;
            tPrev = t;
            t = next;
        }
        return sum;
    }

    public double[] evaluate(double[] twoThetaGrid) {
        double[] out = new double[twoThetaGrid.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(twoThetaGrid[i]);
        }
        return out;
    }
}
