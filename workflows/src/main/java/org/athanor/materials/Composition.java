package org.athanor.materials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable amount of each element per formula unit ({@code BaTiO3} → Ba 1, Ti 1, O 3).
 *
 * <p>Written order (the convention used by {@link #formula()} and {@link #reducedFormula()}): cations first, then the
 * anion-forming non-metals (H, B, C, N, O, F, Si, P, S, Cl, As, Se, Br, Te, I); within each group by increasing Pauling
 * electronegativity, ties (and elements with none) by symbol. This gives the conventional LiFePO4, BaTiO3, CaCO3,
 * Ca2SiO4, Li7La3Zr2O12; it writes PbTiO3 as TiPbO3 because Pb is the more electronegative cation, the same choice
 * pymatgen makes. Organic compounds (C and H, no cation) are written in Hill order: C6H8O7, CH4N2O.
 * Amounts are kept to 1e-9 so that sums of decimals compare equal.
 */
public final class Composition {

    private static final double TOLERANCE = 1e-6;
    private static final Comparator<Element> WRITTEN_ORDER = Comparator
            .comparing(Element::isAnionFormer)
            .thenComparingDouble(e -> Double.isNaN(e.electronegativity()) ? 5.0 : e.electronegativity())
            .thenComparing(Element::symbol);

    private static final Composition EMPTY = new Composition(Map.of());

    private final Map<Element, Double> amounts;

    /** Hill order for organic compounds (carbon and hydrogen but no cation): C, H, then by symbol. */
    private static final Comparator<Element> HILL = Comparator
            .comparing((Element e) -> e != Element.C)
            .thenComparing(e -> e != Element.H)
            .thenComparing(Element::symbol);

    private Composition(Map<Element, Double> unordered) {
        List<Element> order = new ArrayList<>(unordered.keySet());
        boolean organic = unordered.containsKey(Element.C) && unordered.containsKey(Element.H)
                && order.stream().allMatch(Element::isAnionFormer);
        order.sort(organic ? HILL : WRITTEN_ORDER);
        Map<Element, Double> m = new LinkedHashMap<>();
        for (Element e : order) {
            double v = Math.round(unordered.get(e) * 1e9) / 1e9;
            if (v != 0) {
                m.put(e, v);
            }
        }
        this.amounts = Collections.unmodifiableMap(m);
    }

    public static Composition empty() {
        return EMPTY;
    }

    /** A composition from element symbols to amounts; throws on an unknown symbol or a negative or non-finite amount. */
    public static Composition of(Map<String, ? extends Number> amounts) {
        Map<Element, Double> m = new LinkedHashMap<>();
        amounts.forEach((symbol, amount) -> {
            double v = amount.doubleValue();
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("amount of " + symbol + " must be a finite non-negative number, not " + amount);
            }
            m.merge(Element.of(symbol), v, Double::sum);
        });
        return new Composition(m);
    }

    /** From the parser's element amounts (already validated). */
    static Composition ofElements(Map<Element, Double> amounts) {
        return new Composition(amounts);
    }

    /** One element with this amount. */
    public static Composition of(Element element, double amount) {
        return new Composition(Map.of(element, amount));
    }

    /** The composition of a formula string, see {@link Formula#parse(String)}. */
    public static Composition parse(String formula) {
        return Formula.parse(formula);
    }

    /** Amount of the element with this symbol per formula unit; 0 if absent. */
    public double amount(String symbol) {
        return Element.bySymbol(symbol).map(e -> amounts.getOrDefault(e, 0.0)).orElse(0.0);
    }

    public double amount(Element element) {
        return amounts.getOrDefault(element, 0.0);
    }

    /** Element symbols in written order. */
    public List<String> elements() {
        return amounts.keySet().stream().map(Element::symbol).toList();
    }

    /** Symbol → amount in written order (an unmodifiable copy). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        amounts.forEach((e, v) -> m.put(e.symbol(), v));
        return Collections.unmodifiableMap(m);
    }

    public boolean isEmpty() {
        return amounts.isEmpty();
    }

    public boolean contains(String symbol) {
        return amount(symbol) > 0;
    }

    /** Sum of the amounts: atoms per formula unit. */
    public double atomCount() {
        return amounts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Molar mass in g/mol from the IUPAC 2021 standard atomic weights. */
    public double molarMass() {
        double m = 0;
        for (Map.Entry<Element, Double> e : amounts.entrySet()) {
            m += e.getKey().atomicWeight() * e.getValue();
        }
        return m;
    }

    /** Mass fraction of one element (0 if absent). */
    public double massFraction(String symbol) {
        double total = molarMass();
        return total == 0 ? 0 : Element.bySymbol(symbol).map(e -> amount(e) * e.atomicWeight() / total).orElse(0.0);
    }

    public Composition plus(Composition other) {
        Map<Element, Double> m = new LinkedHashMap<>(amounts);
        other.amounts.forEach((e, v) -> m.merge(e, v, Double::sum));
        return new Composition(m);
    }

    /** This composition less another; throws if an amount would become negative. */
    public Composition minus(Composition other) {
        Map<Element, Double> m = new LinkedHashMap<>(amounts);
        other.amounts.forEach((e, v) -> {
            double left = m.getOrDefault(e, 0.0) - v;
            if (left < -TOLERANCE) {
                throw new IllegalArgumentException("cannot take " + other.formula() + " from " + formula() + ": not enough " + e.symbol());
            }
            m.put(e, Math.max(0, left));
        });
        return new Composition(m);
    }

    public Composition times(double factor) {
        if (!Double.isFinite(factor) || factor < 0) {
            throw new IllegalArgumentException("factor must be finite and non-negative, not " + factor);
        }
        Map<Element, Double> m = new LinkedHashMap<>();
        amounts.forEach((e, v) -> m.put(e, v * factor));
        return new Composition(m);
    }

    /** Atomic fractions: amounts scaled to sum to 1. */
    public Composition normalized() {
        double n = atomCount();
        return n == 0 ? this : times(1 / n);
    }

    /** Divided by the greatest common divisor when every amount is a whole number; unchanged otherwise. */
    public Composition reduced() {
        double f = reductionFactor();
        return f == 1 ? this : times(1 / f);
    }

    /** The factor {@link #reduced()} divides by (1 when the amounts are not all whole numbers). */
    public double reductionFactor() {
        long g = 0;
        for (double v : amounts.values()) {
            if (Math.abs(v - Math.rint(v)) > TOLERANCE || v > 1e12) {
                return 1;
            }
            g = gcd(g, Math.round(v));
        }
        return g <= 1 ? 1 : g;
    }

    /**
     * The smallest whole multiplier (up to {@code maxMultiplier}) that makes every amount a whole number, or 0 if none
     * does. Used for mole-ratio mixtures (0.75Li2S-0.25P2S5 → ×2 → Li3PS4), never for site occupancies.
     */
    public int wholeNumberMultiplier(int maxMultiplier) {
        for (int k = 1; k <= maxMultiplier; k++) {
            boolean whole = true;
            for (double v : amounts.values()) {
                double s = v * k;
                if (Math.abs(s - Math.rint(s)) > TOLERANCE * k) {
                    whole = false;
                    break;
                }
            }
            if (whole) {
                return k;
            }
        }
        return 0;
    }

    /** The formula with these amounts in written order ("Ba2Ti2O6" stays as is; see {@link #reducedFormula()}). */
    public String formula() {
        String plain = written(false);
        if (plain.indexOf('.') < 0 || readsBack(plain)) {
            return plain;
        }
        // A decimal amount can read as a compound separator: "H4S1.12NO2" as H4S·12NO2 (the dot of Al2O3.2SiO2).
        // Bracketing the elements with decimal amounts makes the dot a decimal point: "H4(S)1.12NO2".
        return written(true);
    }

    private boolean readsBack(String written) {
        boolean maySeparate = false;
        for (int i = written.indexOf('.'); i >= 0 && !maySeparate; i = written.indexOf('.', i + 1)) {
            // The parser never reads the dot of "0.5" or "4.05" as a separator (FormulaParser.number); any other dot
            // only if its own test says so.
            boolean zeroWhole = written.charAt(i - 1) == '0' && (i < 2 || !Character.isDigit(written.charAt(i - 2)));
            maySeparate = !zeroWhole && written.charAt(i + 1) != '0' && Formula.autoDotSeparates(written, i);
        }
        if (!maySeparate) {
            return true;
        }
        try {
            return Formula.parse(written).approximatelyEquals(this, 1e-6);
        } catch (NotationException e) {
            return false;
        }
    }

    private String written(boolean bracketDecimals) {
        StringBuilder sb = new StringBuilder();
        amounts.forEach((e, v) -> {
            String amount = formatAmount(v);
            sb.append(bracketDecimals && amount.indexOf('.') >= 0 ? "(" + e.symbol() + ")" : e.symbol()).append(amount);
        });
        return sb.toString();
    }

    /** The canonical reduced formula in written order: BaTiO3, LiFePO4, Li3PS4, Ca1.7SiH3.6O3.7. */
    public String reducedFormula() {
        return reduced().formula();
    }

    /** "" for 1, "2" for 2.0, "0.15" for 0.15: at most 6 decimals, no trailing zeros. */
    static String formatAmount(double v) {
        if (Math.abs(v - 1) < 1e-9) {
            return "";
        }
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Same elements with amounts equal within {@code tolerance}. */
    public boolean approximatelyEquals(Composition other, double tolerance) {
        if (!amounts.keySet().equals(other.amounts.keySet())) {
            return false;
        }
        for (Map.Entry<Element, Double> e : amounts.entrySet()) {
            if (Math.abs(e.getValue() - other.amounts.get(e.getKey())) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Same element ratios (BaTiO3 and Ba2Ti2O6 are the same material). */
    public boolean sameRatiosAs(Composition other) {
        return normalized().approximatelyEquals(other.normalized(), 1e-6);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Composition c && amounts.equals(c.amounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amounts);
    }

    @Override
    public String toString() {
        return formula();
    }
}
