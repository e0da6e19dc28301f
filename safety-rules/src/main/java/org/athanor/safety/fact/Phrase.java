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

    /** At most two decimals, no needless ".0". */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return Units.format(Math.round(v * 100) / 100.0);
    }
}
