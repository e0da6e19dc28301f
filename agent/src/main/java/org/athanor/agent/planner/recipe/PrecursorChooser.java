package org.athanor.agent.planner.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.chemistry.Compositions;
import org.athanor.agent.planner.chemistry.PrecursorOption;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.units.Units;
import org.athanor.workflow.Quantity;

/**
 * Chooses one precursor per element of the target, honouring precursors the goal names, and computes the masses by
 * stoichiometry. Rules per element: a precursor the lab stocks; never an oxidiser, self-reactive compound or fuel the
 * goal did not name; no toxic classes when another option exists; for a reduced cation (Fe2+, Mn2+) one already in that state, since inert gas cannot reduce Fe3+.
 */
public final class PrecursorChooser {

    /** Elements that leave as gas or come from the atmosphere and the anion balance; no precursor is chosen for them. */
    /** How far a product mass may differ from the one the goal's starting masses make before the two disagree: weighing error. */
    public static final double GIVEN_MASS_TOLERANCE = 0.02;
    /** A given starting mass this much over what the product needs is named in a note. */
    static final double OVER_STOICHIOMETRY = 0.01;
    private static final Set<String> SUPPLIED_BY_BALANCE = Set.of("O", "C", "H", "N");
    private static final List<String> AVOIDED_HAZARDS = List.of("oxidi", "toxic", "carcino", "acute", "self-react", "water-react", "pyroph", "flamm");
    /**
     * Hazard classes of precursors that feed or start a fire or an explosion in a furnace (oxidisers, self-reactive
     * compounds, fuels; DesignBounds keeps these out of a campaign's alternatives too): chosen only when the user names
     * them, never as the planner's own pick. Water-reactive alone (La2O3, CaO take up moisture) stays a preference.
     */
    private static final List<String> ENERGETIC_HAZARDS = List.of("oxidi", "self-react", "fuel", "flamm", "pyroph");

    private final Chemistry chemistry;

    public PrecursorChooser(Chemistry chemistry) {
        this.chemistry = chemistry;
    }

    /**
     * Precursors with the target elements each supplies, or what could not be covered: each element, with the stocked
     * precursors that would supply it and why they were not chosen; {@code leftOut} lists named precursors that supply
     * no element another named precursor does not already supply.
     */
    public record Choice(List<PrecursorOption> precursors, Map<String, String> supplierOf, List<String> notes, List<String> uncovered,
                         List<String> leftOut) {
    }

    public Choice choose(Map<String, Double> target, List<String> named, LabProfile lab, boolean reducedCations) {
        return choose(target, named, lab, reducedCations, List.of());
    }

    /** As above, never picking a precursor of the classes the goal rules out ("nitrate", "carbonate"...). */
    public Choice choose(Map<String, Double> target, List<String> named, LabProfile lab, boolean reducedCations, List<String> excluded) {
        return choose(target, named, lab, reducedCations, excluded, true);
    }

    /**
     * As above; without a reducing gas ({@code reducingGas} false: the firing is in inert gas), a precursor whose
     * reduced cation sits in a higher oxidation state than the target's is never picked: nothing reduces Fe³⁺ in
     * hematite to LiFePO4's Fe²⁺ under argon (it takes H2 or a carbon source; Padhi et al., J. Electrochem. Soc. 144
     * (1997) 1188), so such a plan could not make its target.
     */
    public Choice choose(Map<String, Double> target, List<String> named, LabProfile lab, boolean reducedCations, List<String> excluded,
                         boolean reducingGas) {
        boolean inertOnly = reducedCations && !reducingGas;
        List<PrecursorOption> chosen = new ArrayList<>();
        Map<String, String> supplier = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String formula : named) {
            Optional<PrecursorOption> option = chemistry.precursor(formula).or(() -> chemistry.read(formula)
                    .map(m -> new PrecursorOption(m.formula(), m.composition(), List.of(), List.of())));
            if (option.isEmpty()) {
                notes.add("named precursor " + formula + " is not understood and was left out");
                continue;
            }
            PrecursorOption p = option.get();
            if (!lab.stocks(p.formula())) {
                Optional<PrecursorOption> stocked = otherHydrate(p, lab);
                if (stocked.isPresent()) {
                    notes.add("named precursor " + formula + " is stocked as " + stocked.get().formula()
                            + " (the same compound with a different water content); the masses are for " + stocked.get().formula());
                    p = stocked.get();
                }
            }
            boolean useful = false;
            for (String e : p.composition().keySet()) {
                if (target.containsKey(e) && !SUPPLIED_BY_BALANCE.contains(e) && !supplier.containsKey(e)) {
                    supplier.put(e, p.formula());
                    useful = true;
                }
            }
            if (useful) {
                chosen.add(p);
            } else {
                List<String> brought = p.composition().keySet().stream().filter(e -> target.containsKey(e) && supplier.containsKey(e)).toList();
                leftOut.add(formula + " (" + (brought.isEmpty() ? "it brings no element of the target"
                        : brought.stream().map(e -> e + " comes from " + supplier.get(e)).collect(java.util.stream.Collectors.joining(", "))) + ")");
            }
        }
        if (named.isEmpty()) {
            Optional<PrecursorOption> itself = onTheShelf(target, lab);
            if (itself.isPresent()) {
                // LiF, CaF2: the target is a stocked reagent. Dosing it alone is the only balanced choice per element
                // (Li2CO3 for Li and then LiF for F would bring the lithium twice).
                PrecursorOption p = itself.get();
                cations(target).forEach(e -> supplier.put(e, p.formula()));
                notes.add(p.formula() + " is on the shelf: it is dosed as it is and heated as asked");
                return new Choice(List.of(p), supplier, notes, List.of(), List.of());
            }
        }
        List<String> uncovered = new ArrayList<>();
        for (String e : cations(target)) {
            if (supplier.containsKey(e)) {
                continue;
            }
            Optional<PrecursorOption> pick = pick(e, target, lab, reducedCations, supplier.keySet(), excluded, inertOnly);
            if (pick.isEmpty()) {
                List<String> why = new ArrayList<>();
                energeticOptions(e, target, lab).forEach(p -> why.add(p.formula() + " would, but is classed " + String.join(", ", energetic(p))
                        + ", which the planner uses only when the goal names it"));
                ruledOut(e, target, lab, excluded).forEach(p -> why.add(p.formula() + " would, but " + (excluded.contains(p.formula())
                        ? "the goal rules it out by name" : "is " + String.join(", ", classesOf(p, excluded)) + ", which the goal rules out")));
                chemistry.precursorsFor(e).stream()
                        .filter(p -> lab.stocks(p.formula()) && energetic(p).isEmpty() && classesOf(p, excluded).isEmpty() && tooOxidised(p, e, target, inertOnly))
                        .forEach(p -> why.add(p.formula() + " would, but its " + e + " is more oxidised than the target's and inert gas "
                                + "cannot reduce it (that takes H2 or a carbon source)"));
                pick(e, target, lab, reducedCations, Set.of(), excluded, inertOnly).ifPresent(p -> {
                    String twice = p.composition().keySet().stream().filter(supplier::containsKey).findFirst().orElseThrow();
                    why.add(p.formula() + " would, but also brings " + twice + ", which " + supplier.get(twice) + " already supplies, so "
                            + twice + " would be dosed twice");
                });
                uncovered.add(why.isEmpty() ? e : e + " (" + String.join("; ", why) + ")");
                continue;
            }
            PrecursorOption p = pick.get();
            chosen.add(p);
            for (String el : p.composition().keySet()) {
                if (target.containsKey(el) && !SUPPLIED_BY_BALANCE.contains(el)) {
                    supplier.putIfAbsent(el, p.formula());
                }
            }
        }
        return new Choice(chosen, supplier, notes, uncovered, leftOut);
    }

    /**
     * The one stocked precursor that is {@code p} with more or less water of crystallisation (FeC2O4 and
     * FeC2O4·2H2O), as a chemist naming the anhydrous formula usually means the form on the shelf; empty when there is
     * none or more than one.
     */
    private Optional<PrecursorOption> otherHydrate(PrecursorOption p, LabProfile lab) {
        String element = p.composition().keySet().stream().filter(e -> !SUPPLIED_BY_BALANCE.contains(e)).findFirst().orElse(null);
        if (element == null) {
            return Optional.empty();
        }
        List<PrecursorOption> forms = chemistry.precursorsFor(element).stream()
                .filter(o -> !o.formula().equals(p.formula()) && lab.stocks(o.formula()) && differsByWater(p.composition(), o.composition()))
                .toList();
        return forms.size() == 1 ? Optional.of(forms.get(0)) : Optional.empty();
    }

    /** Whether two compositions differ only by n H2O (n ≠ 0). */
    static boolean differsByWater(Map<String, Double> a, Map<String, Double> b) {
        Set<String> elements = new LinkedHashSet<>(a.keySet());
        elements.addAll(b.keySet());
        double water = b.getOrDefault("H", 0.0) - a.getOrDefault("H", 0.0);
        if (Math.abs(water) < 1e-9) {
            return false;
        }
        for (String e : elements) {
            double d = b.getOrDefault(e, 0.0) - a.getOrDefault(e, 0.0);
            double expected = e.equals("H") ? water : e.equals("O") ? water / 2 : 0;
            if (Math.abs(d - expected) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** The stocked reagent that is the target itself (same elements in the same ratios), if any. */
    private Optional<PrecursorOption> onTheShelf(Map<String, Double> target, LabProfile lab) {
        return cations(target).stream().findFirst().stream()
                .flatMap(e -> chemistry.precursorsFor(e).stream())
                .filter(p -> lab.stocks(p.formula()) && Compositions.sameRatios(p.composition(), target))
                .findFirst();
    }

    private Optional<PrecursorOption> pick(String element, Map<String, Double> target, LabProfile lab, boolean reducedCations,
                                           Set<String> supplied, List<String> excluded, boolean inertOnly) {
        List<PrecursorOption> options = chemistry.precursorsFor(element).stream()
                .filter(p -> lab.stocks(p.formula()))
                // A precursor that brings a foreign cation (e.g. K in KMnO4) would contaminate the product.
                .filter(p -> p.composition().keySet().stream().allMatch(e -> target.containsKey(e) || SUPPLIED_BY_BALANCE.contains(e)))
                // Nor one that brings an element another precursor already supplies: the masses follow one element per
                // precursor, so that element would be dosed twice.
                .filter(p -> p.composition().keySet().stream().noneMatch(supplied::contains))
                .filter(p -> energetic(p).isEmpty())
                .filter(p -> classesOf(p, excluded).isEmpty())
                .filter(p -> !tooOxidised(p, element, target, inertOnly))
                .toList();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> wanted = Redox.averageState(target, element);
        return options.stream().min((a, b) -> Double.compare(score(a, element, wanted, reducedCations), score(b, element, wanted, reducedCations)));
    }

    /** Stocked precursors of this element, without a foreign cation, that the planner leaves out as energetic. */
    private List<PrecursorOption> energeticOptions(String element, Map<String, Double> target, LabProfile lab) {
        return chemistry.precursorsFor(element).stream()
                .filter(p -> lab.stocks(p.formula()) && !energetic(p).isEmpty())
                .filter(p -> p.composition().keySet().stream().allMatch(e -> target.containsKey(e) || SUPPLIED_BY_BALANCE.contains(e)))
                .toList();
    }

    /** Stocked, non-energetic precursors of this element, without a foreign cation, that the goal rules out. */
    private List<PrecursorOption> ruledOut(String element, Map<String, Double> target, LabProfile lab, List<String> excluded) {
        return chemistry.precursorsFor(element).stream()
                .filter(p -> lab.stocks(p.formula()) && energetic(p).isEmpty() && !classesOf(p, excluded).isEmpty())
                .filter(p -> p.composition().keySet().stream().allMatch(e -> target.containsKey(e) || SUPPLIED_BY_BALANCE.contains(e)))
                .toList();
    }

    /** Which of the ruled-out classes a precursor belongs to, read from its formula's ions and elements. */
    public static List<String> classesOf(PrecursorOption p, List<String> excluded) {
        String f = p.formula();
        return excluded.stream().filter(kind -> switch (kind) {
            case "nitrate" -> f.contains("NO3");
            case "carbonate" -> f.contains("CO3");
            case "acetate" -> f.contains("CH3COO") || f.contains("C2H3O2");
            case "oxalate" -> f.contains("C2O4");
            case "hydroxide" -> f.contains("OH");
            case "sulfate" -> f.contains("SO4");
            case "chloride" -> p.contains("Cl");
            case "fluoride" -> p.contains("F");
            case "hydrate" -> f.contains("·");
            case "ammonium salt" -> f.contains("NH4");
            default -> kind.equals(f); // a material the goal rules out by name ("instead of MgO")
        }).map(kind -> kind.equals(f) ? f : "a" + (kind.startsWith("a") ? "n " : " ") + kind).toList();
    }

    private static List<String> energetic(PrecursorOption p) {
        return p.hazards().stream().filter(h -> ENERGETIC_HAZARDS.stream().anyMatch(h.toLowerCase(java.util.Locale.ROOT)::contains)).toList();
    }

    /** Whether, fired in inert gas, the precursor's cation is in a higher oxidation state than the target wants. */
    private static boolean tooOxidised(PrecursorOption p, String element, Map<String, Double> target, boolean inertOnly) {
        return inertOnly && Redox.moreOxidisedThanTarget(p.formula(), p.composition(), element, target);
    }

    /** Lower is better: hazards first, then (for reduced targets) distance from the wanted oxidation state, then table order. */
    private double score(PrecursorOption p, String element, Optional<Double> wanted, boolean reduced) {
        double s = 0;
        if (p.hazards().stream().anyMatch(h -> AVOIDED_HAZARDS.stream().anyMatch(a -> h.toLowerCase(java.util.Locale.ROOT).contains(a)))) {
            s += 100;
        }
        if (reduced && wanted.isPresent()) {
            double state = Redox.averageState(p.formula(), p.composition(), element).orElse(wanted.get());
            s += 10 * Math.abs(state - wanted.get());
        }
        s += chemistry.precursorsFor(element).indexOf(p) * 0.01;
        return s;
    }

    private static Set<String> cations(Map<String, Double> target) {
        Set<String> out = new LinkedHashSet<>();
        target.keySet().stream().filter(e -> !SUPPLIED_BY_BALANCE.contains(e)).forEach(out::add);
        return out;
    }

    /**
     * Masses per batch: moles of target = product mass / molar mass; each precursor brings the moles of its first
     * supplied element, scaled by any excess asked for that element.
     */
    public List<Dose> masses(Map<String, Double> target, double productGrams, Choice choice, Map<String, Double> excessPercent, List<String> notes) {
        double targetMoles = productGrams / chemistry.molarMass(target);
        List<Dose> doses = new ArrayList<>();
        for (PrecursorOption p : choice.precursors()) {
            String element = choice.supplierOf().entrySet().stream().filter(e -> e.getValue().equals(p.formula()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            double moles = targetMoles * target.get(element) / p.composition().get(element);
            double excess = 1 + excessPercent.getOrDefault(element, 0.0) / 100;
            for (String other : choice.supplierOf().keySet()) {
                if (!other.equals(element) && choice.supplierOf().get(other).equals(p.formula())) {
                    double ratioTarget = target.get(other) / target.get(element);
                    double ratioPrecursor = p.composition().get(other) / p.composition().get(element);
                    if (Math.abs(ratioTarget - ratioPrecursor) > 1e-3 * ratioTarget) {
                        notes.add(p.formula() + " brings " + element + " and " + other + " in a ratio the target does not have; its amount follows " + element);
                    }
                }
            }
            doses.add(new Dose(p.formula(), moles * chemistry.molarMass(p.composition()) * excess));
        }
        return doses;
    }

    /** The doses with the goal's starting masses, the product mass they make, or why they cannot be used. */
    public record GivenMasses(List<Dose> doses, double productGrams, String problem) {
        static GivenMasses refused(String problem) {
            return new GivenMasses(null, 0, problem);
        }
    }

    /**
     * "BaTiO3 from 1.97 g BaCO3 and 0.80 g TiO2": the starting masses the goal gives are dosed as given. The material
     * that makes the least target (the limiting one) sets the product mass; precursors the goal gives no mass for are
     * dosed for that amount, and a given mass more than 1 % over it is named, since what is over stays unreacted.
     */
    public GivenMasses givenMasses(Understanding u, Map<String, Double> composition, String formula, double grams,
                                    PrecursorChooser.Choice choice, List<Dose> stoichiometric, List<String> notes) {
        Map<String, Double> givenByDose = new LinkedHashMap<>();
        for (Map.Entry<String, Quantity> e : u.startingMasses().entrySet()) {
            String spelling = chemistry.precursor(e.getKey()).map(PrecursorOption::formula).orElse(e.getKey());
            if (stoichiometric.stream().noneMatch(d -> d.material().equals(spelling))) {
                return GivenMasses.refused("the goal gives " + e.getValue() + " of " + e.getKey() + ", which the plan for " + formula
                        + " does not dose");
            }
            if (!(e.getValue().grams() > 0)) {
                return GivenMasses.refused("the goal gives " + e.getValue() + " of " + e.getKey() + "; a mass to dose must be more than 0 g");
            }
            givenByDose.put(spelling, e.getValue().grams());
        }
        String limiting = null;
        double product = Double.POSITIVE_INFINITY;
        for (Dose d : stoichiometric) {
            Double given = givenByDose.get(d.material());
            if (given != null && grams * given / d.grams() < product) {
                product = grams * given / d.grams();
                limiting = d.material();
            }
        }
        if (u.productMass() != null && Math.abs(product - u.productMass().grams()) > GIVEN_MASS_TOLERANCE * u.productMass().grams()) {
            return GivenMasses.refused("the goal asks for " + u.productMass() + " of " + formula + ", but its starting masses make "
                    + Units.rounded(product, 4) + " g (" + limiting + " is used up first): give the product mass or the starting masses, "
                    + "or make them agree");
        }
        List<Dose> forProduct = masses(composition, product, choice, u.excess(), new ArrayList<>());
        List<Dose> doses = new ArrayList<>();
        for (Dose d : forProduct) {
            Double given = givenByDose.get(d.material());
            doses.add(given != null ? new Dose(d.material(), given) : d);
            if (given != null && given > d.grams() * (1 + OVER_STOICHIOMETRY)) {
                notes.add(d.material() + ": " + Units.rounded(given, 4) + " g given, " + Units.rounded(d.grams(), 4) + " g needed for "
                        + Units.rounded(product, 4) + " g of " + formula + " (" + Units.rounded(100 * (given / d.grams() - 1), 2)
                        + " % over); dosed as given, so expect " + d.material() + " left over by XRD");
            }
        }
        if (u.productMass() == null) {
            notes.add("product mass from the starting masses: " + Units.rounded(product, 4) + " g of " + formula
                    + (givenByDose.size() > 1 ? " (" + limiting + " is used up first)" : ""));
        }
        return new GivenMasses(doses, product, null);
    }
}
