package org.athanor.safety.fact;

import org.athanor.units.Units;

/** Numbers as a chemist reads them in a violation message. */
public final class Phrase {

    private Phrase() {
    }

    public static String celsius(double c) {
        return number(c) + " °C";
    }

    public static String ramp(double cPerMin) {
        return number(cPerMin) + " °C/min";
    }

    public static String grams(double g) {
        return g < 0.1 ? number(g * 1000) + " mg" : number(g) + " g";
    }

    /**
     * Items of a set or list as a sentence lists them, in a fixed order: "Ar, H2/Ar, N2, O2, air", "532, 785, 1064"
     * (numbers by value, as {@link #number}). A lab's sets come in no order of their own.
     */
    public static String list(java.util.Collection<?> items) {
        if (items.stream().allMatch(Number.class::isInstance)) {
            return items.stream().mapToDouble(i -> ((Number) i).doubleValue()).sorted().mapToObj(Phrase::number)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return items.stream().map(String::valueOf).sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    /** At most two decimals, no needless ".0". */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return Units.format(Math.round(v * 100) / 100.0);
    }
}
