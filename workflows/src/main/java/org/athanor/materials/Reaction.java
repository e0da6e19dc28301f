package org.athanor.materials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A balanced solid-state reaction per one formula unit of the target: precursors (and O2 taken up from air) on the
 * left, the target and volatile by-products on the right. {@link #toString()} scales to the smallest whole
 * coefficients: "BaCO3 + TiO2 → BaTiO3 + CO2", "2Li2CO3 + 8MnO2 → 4LiMn2O4 + 2CO2 + O2".
 */
public record Reaction(List<Term> reactants, List<Term> products) {

    /** One species with its coefficient per formula unit of target. */
    public record Term(double coefficient, String formula, Composition composition) {
    }

    public Reaction {
        reactants = List.copyOf(reactants);
        products = List.copyOf(products);
    }

    /** The target: the first product. */
    public Term target() {
        return products.get(0);
    }

    /** The volatile by-products (every product after the target). */
    public List<Term> byProducts() {
        return products.subList(1, products.size());
    }

    /** Coefficient of a species on either side by its formula as written here, 0 if absent. */
    public double coefficient(String formula) {
        return find(formula).map(Term::coefficient).orElse(0.0);
    }

    public Optional<Term> find(String formula) {
        for (Term t : reactants) {
            if (t.formula().equals(formula)) {
                return Optional.of(t);
            }
        }
        for (Term t : products) {
            if (t.formula().equals(formula)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Total composition of one side; equal on both sides for a balanced reaction. */
    public Composition side(boolean left) {
        Composition c = Composition.empty();
        for (Term t : left ? reactants : products) {
            c = c.plus(t.composition().times(t.coefficient()));
        }
        return c;
    }

    @Override
    public String toString() {
        List<Double> all = new ArrayList<>();
        reactants.forEach(t -> all.add(t.coefficient()));
        products.forEach(t -> all.add(t.coefficient()));
        double scale = wholeScale(all);
        return side(reactants, scale) + " → " + side(products, scale);
    }

    private static String side(List<Term> terms, double scale) {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            String c = Composition.formatAmount(t.coefficient() * scale);
            sb.append(c).append(c.matches(".*\\d$") && Character.isDigit(t.formula().charAt(0)) ? " " : "").append(t.formula());
        }
        return sb.toString();
    }

    /** The smallest multiplier up to 1000 that makes every coefficient whole (then divided by their gcd); 1 if none does. */
    static double wholeScale(List<Double> coefficients) {
        for (int k = 1; k <= 1000; k++) {
            long g = 0;
            boolean whole = true;
            for (double c : coefficients) {
                double s = c * k;
                if (Math.abs(s - Math.rint(s)) > 1e-6 * Math.max(1, k)) {
                    whole = false;
                    break;
                }
                g = gcd(g, Math.round(s));
            }
            if (whole) {
                return g > 1 ? (double) k / g : k;
            }
        }
        return 1;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
