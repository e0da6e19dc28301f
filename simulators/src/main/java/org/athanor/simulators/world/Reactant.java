package org.athanor.simulators.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One reactant of a chemistry: an element the product needs, which any of several interchangeable precursors can
 * supply (Li from Li2CO3 or LiOH·H2O; Mn from MnO2, Mn2O3 or MnCO3). Each precursor has its own reactivity (a
 * multiplier on the formation rate, WORLD.md gives each one and why) and the phase its unreacted part is found as
 * once the sample has been hotter than the precursor's decomposition (MnCO3 → Mn2O3 above 350 °C).
 *
 * @param perProduct moles of the element per mole of product
 */
record Reactant(String element, double perProduct, List<Source> sources) {

    /**
     * @param atoms      atoms of the element per formula unit
     * @param reactivity multiplier on the formation rate relative to the reference precursor (1)
     * @param firedAs    what the unreacted precursor is after firing above {@code firedAboveC}
     * @param firedAtoms atoms of the element per formula unit of {@code firedAs}
     */
    record Source(String formula, double atoms, double reactivity, String firedAs, double firedAtoms, double firedAboveC) {
        static Source of(String formula, double atoms, double reactivity) {
            return new Source(formula, atoms, reactivity, formula, atoms, Double.POSITIVE_INFINITY);
        }

        static Source fired(String formula, double atoms, double reactivity, String firedAs, double firedAtoms, double firedAboveC) {
            return new Source(formula, atoms, reactivity, firedAs, firedAtoms, firedAboveC);
        }
    }

    Reactant {
        sources = List.copyOf(sources);
    }

    static Reactant of(String element, double perProduct, Source... sources) {
        return new Reactant(element, perProduct, List.of(sources));
    }

    boolean suppliedBy(Set<String> dispensed) {
        return sources.stream().anyMatch(s -> dispensed.contains(s.formula()));
    }

    /** Moles of the element in the sample, from every source. */
    double moles(Sample sample) {
        return sources.stream().mapToDouble(s -> sample.moles(s.formula()) * s.atoms()).sum();
    }

    /** The sources' reactivities weighted by how much of the element each brings (1 if none is there). */
    double reactivity(Sample sample) {
        double total = moles(sample);
        if (total <= 0) {
            return 1;
        }
        return sources.stream().mapToDouble(s -> sample.moles(s.formula()) * s.atoms() * s.reactivity()).sum() / total;
    }

    /** Phase moles of {@code elementMoles} of this element left unreacted, shared among the sources as dispensed. */
    Map<String, Double> leftover(Sample sample, double elementMoles) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = moles(sample);
        for (Source s : sources) {
            double share = total <= 0 ? 0 : sample.moles(s.formula()) * s.atoms() / total;
            if (share <= 0) {
                continue;
            }
            double left = Math.max(0, elementMoles) * share;
            if (sample.hottestC > s.firedAboveC()) {
                out.merge(s.firedAs(), left / s.firedAtoms(), Double::sum);
            } else {
                out.merge(s.formula(), left / s.atoms(), Double::sum);
            }
        }
        return out;
    }

    Set<String> formulas() {
        Set<String> out = new java.util.LinkedHashSet<>();
        sources.forEach(s -> out.add(s.formula()));
        return out;
    }
}
