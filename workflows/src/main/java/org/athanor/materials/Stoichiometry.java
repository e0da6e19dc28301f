package org.athanor.materials;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Solid-state reaction balancing and weighing.
 *
 * <p>Model: every element of the target other than oxygen comes only from the precursors, so the precursor amounts
 * solve a linear system (one row per such element, one column per precursor; solved by SVD, which also reveals
 * precursors that duplicate each other). Elements of the precursors that are not in the target leave as gases:
 * C as CO2, S as SO3, N as NH3 from ammonium salts or NO2 from nitrates, Cl and F as HCl/HF while hydrogen lasts
 * (else Cl2/F2), the remaining H as H2O. Oxygen balances last as O2, given off (a positive coefficient on the right) or
 * taken up from air (on the left). Any other left-over element is an error: it would stay in the product.
 */
public final class Stoichiometry {

    private static final double EPS = 1e-9;
    private static final Set<String> VOLATILE_ELEMENTS = Set.of("C", "H", "N", "S", "Cl", "F");
    private static final List<String> BY_PRODUCT_ORDER = List.of("CO2", "H2O", "NH3", "NO2", "SO3", "HCl", "HF", "Cl2", "F2", "O2");

    private Stoichiometry() {
    }

    /** Balances target from precursors given as formulas (written as given in the reaction). */
    public static Reaction balance(String target, List<String> precursors) {
        List<Species> ps = new ArrayList<>();
        for (String p : precursors) {
            ps.add(new Species(p.trim(), Formula.parse(p)));
        }
        return balance(new Species(target.trim(), Formula.parse(target)), ps);
    }

    /** Balances one formula unit of {@code target} from {@code precursors}; see the class comment for the model. */
    public static Reaction balance(Composition target, List<Composition> precursors) {
        List<Species> ps = new ArrayList<>();
        for (Composition c : precursors) {
            ps.add(new Species(label(c), c));
        }
        return balance(new Species(target.formula(), target), ps);
    }

    private record Species(String label, Composition composition) {
    }

    private static String label(Composition c) {
        return PrecursorTable.standard().lookup(c).map(Precursor::formula).orElse(c.formula());
    }

    private static Reaction balance(Species target, List<Species> precursors) {
        Composition t = target.composition();
        if (t.isEmpty()) {
            throw new StoichiometryException("the target has no elements");
        }
        if (precursors.isEmpty()) {
            throw new StoichiometryException("no precursors given for " + target.label());
        }
        List<String> rows = new ArrayList<>();
        for (String e : t.elements()) {
            if (!e.equals("O")) {
                rows.add(e);
            }
        }
        for (String e : rows) {
            if (precursors.stream().noneMatch(p -> p.composition().contains(e))) {
                throw new StoichiometryException("no precursor supplies " + e + " for " + target.label());
            }
        }
        for (Species p : precursors) {
            for (String e : p.composition().elements()) {
                if (!t.contains(e) && !e.equals("O") && !VOLATILE_ELEMENTS.contains(e)) {
                    throw new StoichiometryException(e + " from " + p.label() + " is not in " + target.label()
                            + " and does not leave as a gas");
                }
            }
            if (rows.stream().noneMatch(e -> p.composition().contains(e))) {
                throw new StoichiometryException(p.label() + " supplies no element of " + target.label()
                        + " other than oxygen; a fuel or complexing agent (citric acid, urea, carbon) is not fixed by the"
                        + " reaction: leave it out of the balance and dose it separately");
            }
        }
        double[] amounts = solve(target, precursors, rows);

        Composition in = Composition.empty();
        for (int i = 0; i < precursors.size(); i++) {
            in = in.plus(precursors.get(i).composition().times(amounts[i]));
        }
        Map<String, Double> gases = byProducts(t, precursors, amounts, in);
        double oxygenLeft = in.amount("O") - t.amount("O");
        for (Map.Entry<String, Double> g : gases.entrySet()) {
            oxygenLeft -= Formula.parse(g.getKey()).amount("O") * g.getValue();
        }
        List<Reaction.Term> left = new ArrayList<>();
        for (int i = 0; i < precursors.size(); i++) {
            Species p = precursors.get(i);
            left.add(new Reaction.Term(amounts[i], p.label(), p.composition()));
        }
        List<Reaction.Term> right = new ArrayList<>();
        right.add(new Reaction.Term(1, target.label(), t));
        for (String g : BY_PRODUCT_ORDER) {
            double n = g.equals("O2") ? oxygenLeft / 2 : gases.getOrDefault(g, 0.0);
            if (n > EPS) {
                right.add(new Reaction.Term(n, g, Formula.parse(g)));
            } else if (n < -EPS && g.equals("O2")) {
                left.add(new Reaction.Term(-n, g, Formula.parse(g)));
            } else if (n < -EPS) {
                throw new StoichiometryException("cannot balance " + target.label() + ": not enough hydrogen for " + g);
            }
        }
        Reaction r = new Reaction(left, right);
        if (!r.side(true).approximatelyEquals(r.side(false), 1e-6)) {
            throw new StoichiometryException("cannot balance " + target.label() + " from the given precursors: " + r);
        }
        return r;
    }

    /** Precursor amounts per formula unit of target from the non-oxygen elements of the target. */
    private static double[] solve(Species target, List<Species> precursors, List<String> rows) {
        int m = rows.size();
        int n = precursors.size();
        RealMatrix a = new Array2DRowRealMatrix(m, n);
        RealVector b = new ArrayRealVector(m);
        for (int r = 0; r < m; r++) {
            b.setEntry(r, target.composition().amount(rows.get(r)));
            for (int c = 0; c < n; c++) {
                a.setEntry(r, c, precursors.get(c).composition().amount(rows.get(r)));
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(a);
        if (svd.getRank() < n) {
            throw new StoichiometryException("the precursors " + names(precursors)
                    + " supply the same elements in fixed proportion; drop one of them");
        }
        RealVector x = svd.getSolver().solve(b);
        double residual = a.operate(x).subtract(b).getNorm();
        if (residual > 1e-6) {
            throw new StoichiometryException(names(precursors) + " cannot make " + target.label()
                    + ": the elements " + rows + " cannot all be matched at once");
        }
        double[] out = x.toArray();
        for (int i = 0; i < n; i++) {
            if (out[i] <= EPS) {
                throw new StoichiometryException(precursors.get(i).label() + " is not needed for " + target.label()
                        + " (it would have to be removed, not added)");
            }
        }
        return out;
    }

    /** Gases other than O2, from the elements of the precursors that are not in the target. */
    private static Map<String, Double> byProducts(Composition target, List<Species> precursors, double[] amounts, Composition in) {
        Map<String, Double> gases = new LinkedHashMap<>();
        if (!target.contains("C")) {
            gases.merge("CO2", in.amount("C"), Double::sum);
        }
        if (!target.contains("S")) {
            gases.merge("SO3", in.amount("S"), Double::sum);
        }
        double hydrogen = target.contains("H") ? 0 : in.amount("H");
        if (!target.contains("N")) {
            for (int i = 0; i < precursors.size(); i++) {
                Composition c = precursors.get(i).composition();
                double nitrogen = c.amount("N") * amounts[i];
                if (nitrogen > 0) {
                    gases.merge(releasesAmmonia(c) ? "NH3" : "NO2", nitrogen, Double::sum);
                }
            }
            hydrogen -= 3 * gases.getOrDefault("NH3", 0.0);
        }
        for (String halogen : new String[] {"Cl", "F"}) {
            double x = target.contains(halogen) ? 0 : in.amount(halogen);
            if (x > 0) {
                double asAcid = Math.min(x, Math.max(0, hydrogen));
                gases.merge("H" + halogen, asAcid, Double::sum);
                gases.merge(halogen + "2", (x - asAcid) / 2, Double::sum);
                hydrogen -= asAcid;
            }
        }
        if (!target.contains("H")) {
            gases.merge("H2O", hydrogen / 2, Double::sum);
        }
        return gases;
    }

    /**
     * Whether a nitrogen-bearing precursor gives NH3 (ammonium salt) rather than NO2 (nitrate). The precursor table
     * decides when it knows the compound; otherwise a nitrate is assumed when the oxygen covers three per nitrogen
     * plus the water that the hydrogen could form ("Ni(NO3)2·6H2O"), an ammonium salt otherwise ("NH4H2PO4").
     */
    static boolean releasesAmmonia(Composition c) {
        var known = PrecursorTable.standard().lookup(c);
        if (known.isPresent() && (known.get().releases("NH3") || known.get().releases("NO2"))) {
            return known.get().releases("NH3");
        }
        if (c.amount("H") == 0) {
            return false;
        }
        return c.amount("O") < 3 * c.amount("N") + c.amount("H") / 2 - EPS;
    }

    /**
     * Masses to weigh for {@code productGrams} of target. {@code excessFractionByElement} adds an excess of a volatile
     * element ("Li" → 0.10 weighs 10 % more of every precursor that carries Li, to make up for evaporation losses).
     */
    public static List<PrecursorMass> precursorMasses(Composition target, double productGrams, List<Composition> precursors,
            Map<String, Double> excessFractionByElement) {
        if (!(productGrams > 0) || !Double.isFinite(productGrams)) {
            throw new StoichiometryException("product mass must be a positive number of grams, not " + productGrams);
        }
        Map<String, Double> excess = excessFractionByElement == null ? Map.of() : excessFractionByElement;
        excess.forEach((e, f) -> {
            if (!target.contains(e)) {
                throw new StoichiometryException("excess of " + e + " asked for, but " + target.formula() + " has no " + e);
            }
            if (f == null || f < 0 || f > 1 || !Double.isFinite(f)) {
                throw new StoichiometryException("excess of " + e + " must be a fraction between 0 and 1 (0.10 for 10 %), not " + f);
            }
        });
        Reaction r = balance(target, precursors);
        double targetMoles = productGrams / target.molarMass();
        List<PrecursorMass> out = new ArrayList<>();
        for (int i = 0; i < precursors.size(); i++) {
            Reaction.Term term = r.reactants().get(i);
            double extra = 0;
            for (String e : term.composition().elements()) {
                extra = Math.max(extra, excess.getOrDefault(e, 0.0));
            }
            double moles = term.coefficient() * targetMoles * (1 + extra);
            out.add(new PrecursorMass(term.formula(), moles * term.composition().molarMass(), moles));
        }
        return out;
    }

    /**
     * Picks one allowed reagent per element of the target (oxygen aside) from the table, most preferred first, avoiding
     * reagents that would bring an element that neither belongs to the target nor leaves as a gas; checks that the
     * choice balances.
     */
    public static List<Precursor> choosePrecursors(Composition target, PrecursorTable table, Predicate<Precursor> allowed) {
        List<Precursor> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (String e : target.elements()) {
            if (e.equals("O") || covered.contains(e)) {
                continue;
            }
            Precursor pick = null;
            for (Precursor p : table.forElement(e)) {
                if (allowed.test(p) && fits(p, target, covered, e)) {
                    pick = p;
                    break;
                }
            }
            if (pick == null) {
                if (VOLATILE_ELEMENTS.contains(e) && !e.equals("S") && !e.equals("N")) {
                    continue; // H or C of the target may come with another precursor; balance() will tell.
                }
                throw new StoichiometryException("no allowed precursor supplies " + e + " for " + target.formula());
            }
            chosen.add(pick);
            for (String x : pick.composition().elements()) {
                if (target.contains(x) && !x.equals("O")) {
                    covered.add(x);
                }
            }
        }
        balance(target, chosen.stream().map(Precursor::composition).toList());
        return chosen;
    }

    /** The reagent brings only target elements not yet covered, oxygen, and elements that leave as gases. */
    private static boolean fits(Precursor p, Composition target, Set<String> covered, String wanted) {
        for (String x : p.composition().elements()) {
            if (x.equals("O") || x.equals(wanted)) {
                continue;
            }
            if (target.contains(x)) {
                if (covered.contains(x)) {
                    return false;
                }
            } else if (!VOLATILE_ELEMENTS.contains(x)) {
                return false;
            }
        }
        return true;
    }

    private static String names(List<Species> species) {
        return String.join(", ", species.stream().map(Species::label).toList());
    }
}
