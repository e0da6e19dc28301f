package org.athanor.simulators.world;

import java.util.Map;

/**
 * Molar masses of the simple formulas the simulated world uses (BaCO3, Li3Fe2(PO4)3, ...).
 * Standard atomic weights: IUPAC CIAAW 2021 abridged values. Kept here, not in {@code org.athanor.materials},
 * because the world must not depend on how the planner parses formulas: it is the hidden ground truth.
 */
public final class FormulaMass {

    private static final Map<String, Double> ATOMIC_WEIGHT = Map.ofEntries(
            Map.entry("H", 1.008), Map.entry("Li", 6.94), Map.entry("C", 12.011), Map.entry("N", 14.007),
            Map.entry("O", 15.999), Map.entry("F", 18.998), Map.entry("Na", 22.990), Map.entry("Mg", 24.305),
            Map.entry("Al", 26.982), Map.entry("Si", 28.085), Map.entry("P", 30.974), Map.entry("S", 32.06),
            Map.entry("K", 39.098), Map.entry("Ca", 40.078), Map.entry("Ti", 47.867), Map.entry("Mn", 54.938),
            Map.entry("Fe", 55.845), Map.entry("Co", 58.933), Map.entry("Ni", 58.693), Map.entry("Cu", 63.546),
            Map.entry("Zn", 65.38), Map.entry("Sr", 87.62), Map.entry("Y", 88.906), Map.entry("Zr", 91.224),
            Map.entry("Ba", 137.327), Map.entry("La", 138.905), Map.entry("Ce", 140.116));

    private FormulaMass() {
    }

    /** Molar mass in g/mol of a formula such as {@code Li3Fe2(PO4)3}; a trailing polymorph tag after '-' is ignored. */
    public static double of(String formula) {
        String f = formula.contains("-") ? formula.substring(0, formula.indexOf('-')) : formula;
        if (f.contains("·")) {
            // A hydrate or adduct: parts joined by '·', each with an optional leading count ("FeC2O4·2H2O").
            double total = 0;
            for (String part : f.split("·")) {
                int digits = 0;
                while (digits < part.length() && Character.isDigit(part.charAt(digits))) {
                    digits++;
                }
                total += (digits == 0 ? 1 : Integer.parseInt(part.substring(0, digits))) * of(part.substring(digits));
            }
            return total;
        }
        int[] pos = {0};
        double m = group(f, pos);
        if (pos[0] != f.length()) {
            throw new IllegalArgumentException("formula '" + formula + "': unexpected '" + f.charAt(pos[0]) + "' at character " + (pos[0] + 1));
        }
        return m;
    }

    private static double group(String f, int[] pos) {
        double total = 0;
        while (pos[0] < f.length()) {
            char c = f.charAt(pos[0]);
            if (c == '(') {
                pos[0]++;
                double inner = group(f, pos);
                if (pos[0] >= f.length() || f.charAt(pos[0]) != ')') {
                    throw new IllegalArgumentException("formula '" + f + "': unclosed '('");
                }
                pos[0]++;
                total += inner * count(f, pos);
            } else if (c == ')') {
                return total;
            } else if (Character.isUpperCase(c)) {
                int start = pos[0]++;
                while (pos[0] < f.length() && Character.isLowerCase(f.charAt(pos[0]))) {
                    pos[0]++;
                }
                String symbol = f.substring(start, pos[0]);
                Double w = ATOMIC_WEIGHT.get(symbol);
                if (w == null) {
                    throw new IllegalArgumentException("formula '" + f + "': unknown element '" + symbol + "' at character " + (start + 1));
                }
                total += w * count(f, pos);
            } else {
                return total;
            }
        }
        return total;
    }

    private static double count(String f, int[] pos) {
        int start = pos[0];
        while (pos[0] < f.length() && (Character.isDigit(f.charAt(pos[0])) || f.charAt(pos[0]) == '.')) {
            pos[0]++;
        }
        return start == pos[0] ? 1 : Double.parseDouble(f.substring(start, pos[0]));
    }
}
