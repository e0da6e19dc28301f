package org.athanor.crystal;

import java.util.Map;

/** Writes a composition as a reduced formula. */
final class Formulas {

    private Formulas() {
    }

    static String reduced(Map<String, Double> composition) {
        boolean whole = composition.values().stream().allMatch(v -> Math.abs(v - Math.rint(v)) < 1e-3);
        double divisor = 1;
        if (whole) {
            long g = 0;
            for (double v : composition.values()) {
                g = gcd(g, Math.round(v));
            }
            divisor = Math.max(g, 1);
        } else {
            // fractional occupancies: express per smallest whole-cell amount that is at least 1
            divisor = 1;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Double> e : composition.entrySet()) {
            double amount = e.getValue() / divisor;
            out.append(e.getKey());
            if (Math.abs(amount - 1) > 1e-3) {
                out.append(format(amount));
            }
        }
        return out.toString();
    }

    private static String format(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-3) {
            return Long.toString(Math.round(v));
        }
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
