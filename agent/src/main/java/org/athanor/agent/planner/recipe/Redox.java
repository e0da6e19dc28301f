package org.athanor.agent.planner.recipe;

import java.util.Map;
import java.util.Optional;

/**
 * Average oxidation states of the redox-active cation in an oxide target, by charge balance against the usual fixed
 * states of the other ions. It tells whether a target needs inert gas (Fe2+, Mn2+, Cu+, Co2+ in some frameworks) or
 * oxygen (Ni3+ in nickel-rich layered oxides).
 */
public final class Redox {

    /** Fixed oxidation states (the common ones; Greenwood & Earnshaw, Chemistry of the Elements, 2nd ed., 1997). */
    private static final Map<String, Integer> FIXED = Map.ofEntries(
            Map.entry("Li", 1), Map.entry("Na", 1), Map.entry("K", 1), Map.entry("Rb", 1), Map.entry("Cs", 1),
            Map.entry("Mg", 2), Map.entry("Ca", 2), Map.entry("Sr", 2), Map.entry("Ba", 2), Map.entry("Zn", 2),
            Map.entry("Cd", 2), Map.entry("Pb", 2), Map.entry("B", 3), Map.entry("Al", 3), Map.entry("Ga", 3),
            Map.entry("Y", 3), Map.entry("La", 3), Map.entry("Gd", 3), Map.entry("Bi", 3), Map.entry("In", 3),
            Map.entry("Si", 4), Map.entry("Ge", 4), Map.entry("Zr", 4), Map.entry("Hf", 4), Map.entry("Sn", 4),
            Map.entry("Ce", 4), Map.entry("P", 5), Map.entry("Nb", 5), Map.entry("Ta", 5), Map.entry("W", 6),
            Map.entry("Mo", 6), Map.entry("O", -2), Map.entry("F", -1), Map.entry("Cl", -1), Map.entry("S", -2),
            Map.entry("N", -3), Map.entry("H", 1), Map.entry("C", 4));
    private static final java.util.List<String> VARIABLE = java.util.List.of("Fe", "Mn", "Co", "Ni", "Cu", "Ti", "V", "Cr");

    private Redox() {
    }

    /**
     * The average oxidation state of {@code element} when it is the only redox-active cation of the composition;
     * empty when the composition has several variable cations (then they cannot be separated by charge balance alone).
     */
    public static Optional<Double> averageState(Map<String, Double> composition, String element) {
        return averageState(composition, element, FIXED.get("C"));
    }

    /**
     * The average oxidation state of {@code element} in a precursor as written: as {@link #averageState(Map, String)},
     * with carbon at the state its anion gives it (charge balance alone would take every carbon as +4, as in a
     * carbonate, and read iron(II) oxalate FeC2O4·2H2O as iron(0)). Oxalate C2O4²⁻: C +3; formate HCOO⁻: +2; acetate
     * CH3COO⁻: 0 on average; otherwise +4 (carbonate). The formula's text decides, so "FeC2O4" and "Fe(C2O4)" read alike.
     */
    public static Optional<Double> averageState(String formula, Map<String, Double> composition, String element) {
        if (!composition.containsKey("C") || element.equals("C")) {
            return averageState(composition, element);
        }
        String f = formula.replace("(", "").replace(")", "");
        int carbon;
        if (f.contains("C2O4")) {
            carbon = 3;
        } else if (f.contains("CH3COO") || f.contains("C2H3O2") || f.contains("OAc")) {
            carbon = 0;
        } else if (f.contains("HCOO") || f.contains("CHO2")) {
            carbon = 2;
        } else {
            carbon = 4;
        }
        return averageState(composition, element, carbon);
    }

    private static Optional<Double> averageState(Map<String, Double> composition, String element, int carbonState) {
        if (!composition.containsKey(element) || !composition.containsKey("O")) {
            return Optional.empty();
        }
        double charge = 0;
        for (var e : composition.entrySet()) {
            if (e.getKey().equals(element)) {
                continue;
            }
            Integer state = e.getKey().equals("C") ? Integer.valueOf(carbonState) : FIXED.get(e.getKey());
            if (state == null) {
                return Optional.empty();
            }
            charge += state * e.getValue();
        }
        return Optional.of(-charge / composition.get(element));
    }

    /**
     * Whether a precursor brings {@code element} in a higher oxidation state than the target has it (by more than
     * 0.05): fired in inert gas such a precursor cannot give the target (nothing reduces Fe³⁺ in hematite to LiFePO4's
     * Fe²⁺ under argon). False when either state cannot be read.
     */
    public static boolean moreOxidisedThanTarget(String precursorFormula, Map<String, Double> precursorComposition, String element,
                                                 Map<String, Double> target) {
        Optional<Double> wanted = averageState(target, element);
        Optional<Double> state = averageState(precursorFormula, precursorComposition, element);
        return wanted.isPresent() && state.isPresent() && state.get() > wanted.get() + 0.05;
    }

    /** "Ar" when a reduced cation must be protected from air, "O2" when Ni must be pushed to Ni3+, else "air". */
    public static String preferredAtmosphere(Map<String, Double> composition) {
        long variables = composition.keySet().stream().filter(VARIABLE::contains).count();
        if (variables == 1) {
            String el = composition.keySet().stream().filter(VARIABLE::contains).findFirst().orElseThrow();
            double state = averageState(composition, el).orElse(Double.NaN);
            if (Double.isNaN(state)) {
                return "air";
            }
            // Fe2+ (and mixed Fe2+/Fe3+ as in Fe3O4), Mn2+, Cu+, Ti3+, V3+, Co2+ outside spinels oxidise in air on heating.
            boolean reduced = switch (el) {
                case "Fe" -> state < 2.99;
                case "Mn" -> state < 2.01;
                case "Cu" -> state < 1.99;
                case "Ti" -> state < 3.99;
                case "V" -> state < 4.99;
                case "Cr" -> false;
                default -> false;
            };
            if (reduced) {
                return "Ar";
            }
            if (el.equals("Ni") && state > 2.5) {
                return "O2";
            }
            return "air";
        }
        // Several variable cations (NMC, NCA): nickel-rich layered oxides need O2 to keep Ni3+ (Noh et al., 2013).
        if (composition.containsKey("Li") && composition.containsKey("Ni")) {
            double total = composition.entrySet().stream().filter(e -> VARIABLE.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
            if (composition.get("Ni") / total >= 0.6) {
                return "O2";
            }
        }
        return "air";
    }
}
