package org.athanor.safety.fact;

/**
 * Numeric comparisons for rule constraints. A missing limit or an unreadable value is NaN, and NaN must never make a
 * rule fire (nor must the rule engine's own arithmetic decide what NaN means), so rules compare through these.
 */
public final class Compare {

    private Compare() {
    }

    /** True when both are numbers and {@code value} is strictly above {@code limit}. */
    public static boolean above(double value, double limit) {
        return !Double.isNaN(value) && !Double.isNaN(limit) && value > limit;
    }

    /** True when both are numbers and {@code value} is strictly below {@code limit}. */
    public static boolean below(double value, double limit) {
        return !Double.isNaN(value) && !Double.isNaN(limit) && value < limit;
    }

    /** True when both are numbers and differ by more than rounding. */
    public static boolean differ(double a, double b) {
        return !Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) > 1e-9;
    }
}
