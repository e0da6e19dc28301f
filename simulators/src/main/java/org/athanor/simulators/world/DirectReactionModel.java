package org.athanor.simulators.world;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.workflow.Atmosphere;

/**
 * A one-step solid-state reaction Σ νᵢ·Aᵢ → product (gases leave), with JMAK kinetics, each reactant from any of its
 * interchangeable precursors, optional loss of a volatile element (Li2O, ZnO evaporate from every Li- or Zn-bearing
 * phase; what is lost cannot form product, an excess makes up for it and what is left over stays a secondary phase)
 * and optional decomposition above an onset that the atmosphere shifts (less oxygen: lower). Used for MgAl2O4,
 * ZnAl2O4, CaTiO3, Li2TiO3 and LiMn2O4; each instance's numbers and sources are in WORLD.md.
 *
 * @param volatileElement       the element that evaporates, or null
 * @param decompositionProducts phases per mole of product decomposed above {@code decompositionOnsetC}
 * @param onsetShiftC           "inert", "O2", "H2" → °C added to the sample's temperature when judging the
 *                              decomposition (a positive shift means the product decomposes at a lower temperature)
 */
record DirectReactionModel(String name, String product, List<Reactant> reactants, Kinetics formation,
                           String volatileElement, Kinetics volatileLoss,
                           double decompositionOnsetC, Kinetics decomposition, Map<String, Double> decompositionProducts,
                           Map<String, Double> onsetShiftC)
        implements ChemistryModel {

    DirectReactionModel {
        reactants = List.copyOf(reactants);
        decompositionProducts = Map.copyOf(decompositionProducts);
        onsetShiftC = Map.copyOf(onsetShiftC);
    }

    static DirectReactionModel simple(String name, String product, List<Reactant> reactants, Kinetics formation) {
        return new DirectReactionModel(name, product, reactants, formation, null, null, Double.POSITIVE_INFINITY, null, Map.of(), Map.of());
    }

    @Override
    public Set<String> precursors() {
        Set<String> out = new LinkedHashSet<>();
        reactants.forEach(r -> out.addAll(r.formulas()));
        return out;
    }

    @Override
    public boolean accepts(Set<String> dispensed) {
        return reactants.stream().allMatch(r -> r.suppliedBy(dispensed));
    }

    @Override
    public void expose(Sample sample, double temperatureC, Atmosphere atmosphere, double hours) {
        double reactivity = 1;
        for (Reactant r : reactants) {
            reactivity *= r.reactivity(sample);
        }
        sample.addProgress("formation", formation.ratePerHour(temperatureC) * sample.rateFactor * sample.contactFactor() * reactivity * hours);
        if (volatileLoss != null) {
            sample.addProgress("volatileLoss", volatileLoss.ratePerHour(temperatureC) * hours);
        }
        double effective = temperatureC + shift(atmosphere);
        if (decomposition != null && effective > decompositionOnsetC) {
            sample.addProgress("decomposition", decomposition.ratePerHour(effective) * hours);
        }
    }

    private double shift(Atmosphere a) {
        if (a == null) {
            return 0;
        }
        if (a.containsHydrogen()) {
            return onsetShiftC.getOrDefault("H2", 0.0);
        }
        if (a.isInert()) {
            return onsetShiftC.getOrDefault("inert", 0.0);
        }
        return "O2".equals(a.gas()) ? onsetShiftC.getOrDefault("O2", 0.0) : 0;
    }

    @Override
    public Map<String, Double> phaseMoles(Sample sample) {
        double lostFraction = volatileLoss == null ? 0 : Kinetics.firstOrder(sample.progress("volatileLoss"));
        Map<Reactant, Double> available = new LinkedHashMap<>();
        double possible = Double.POSITIVE_INFINITY;
        for (Reactant r : reactants) {
            double a = r.moles(sample) * (r.element().equals(volatileElement) ? 1 - lostFraction : 1);
            available.put(r, a);
            possible = Math.min(possible, a / r.perProduct());
        }
        double made = possible * formation.converted(sample.progress("formation"));
        Map<String, Double> moles = new LinkedHashMap<>();
        available.forEach((r, a) -> r.leftover(sample, a - made * r.perProduct()).forEach((phase, n) -> moles.merge(phase, n, Double::sum)));
        double decomposed = made * Kinetics.firstOrder(sample.progress("decomposition"));
        decompositionProducts.forEach((phase, perMole) -> moles.merge(phase, decomposed * perMole, Double::sum));
        moles.put(product, made - decomposed);
        return moles;
    }
}
