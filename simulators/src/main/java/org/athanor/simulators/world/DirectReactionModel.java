package org.athanor.simulators.world;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.athanor.workflow.Atmosphere;

/**
 * A one-step solid-state reaction Σ νᵢ·Aᵢ → product (gases leave), with JMAK kinetics, optional volatile alkali loss
 * (the product loses Li2O/Na2O/K2O and leaves {@code lossResidue}) and optional decomposition above an onset.
 * Used for MgAl2O4, ZnAl2O4, CaTiO3, Li2TiO3 and LiMn2O4; each instance's numbers and sources are in WORLD.md.
 *
 * @param reactants    precursor formula → moles per mole of product
 * @param lossResidue  phases left per mole of product that has lost all its alkali (empty: no volatile loss)
 * @param decompositionProducts phases per mole of product decomposed above {@code decompositionOnsetC}
 */
record DirectReactionModel(String name, String product, Map<String, Double> reactants, Kinetics formation,
                           Kinetics alkaliLoss, Map<String, Double> lossResidue,
                           double decompositionOnsetC, Kinetics decomposition, Map<String, Double> decompositionProducts)
        implements ChemistryModel {

    static DirectReactionModel simple(String name, String product, Map<String, Double> reactants, Kinetics formation) {
        return new DirectReactionModel(name, product, reactants, formation, null, Map.of(), Double.POSITIVE_INFINITY, null, Map.of());
    }

    @Override
    public Set<String> precursors() {
        return reactants.keySet();
    }

    @Override
    public void expose(Sample sample, double temperatureC, Atmosphere atmosphere, double hours) {
        sample.addProgress("formation", formation.ratePerHour(temperatureC) * sample.rateFactor * sample.contactFactor() * hours);
        if (alkaliLoss != null) {
            sample.addProgress("alkaliLoss", alkaliLoss.ratePerHour(temperatureC) * hours);
        }
        if (decomposition != null && temperatureC > decompositionOnsetC) {
            sample.addProgress("decomposition", decomposition.ratePerHour(temperatureC) * hours);
        }
    }

    @Override
    public Map<String, Double> phaseMoles(Sample sample) {
        double possible = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Double> r : reactants.entrySet()) {
            possible = Math.min(possible, sample.moles(r.getKey()) / r.getValue());
        }
        double made = possible * formation.converted(sample.progress("formation"));
        Map<String, Double> moles = new LinkedHashMap<>();
        for (Map.Entry<String, Double> r : reactants.entrySet()) {
            moles.put(r.getKey(), sample.moles(r.getKey()) - made * r.getValue());
        }
        double lost = made * Kinetics.firstOrder(sample.progress("alkaliLoss"));
        lossResidue.forEach((phase, perMole) -> moles.merge(phase, lost * perMole, Double::sum));
        double intact = made - lost;
        double decomposed = intact * Kinetics.firstOrder(sample.progress("decomposition"));
        decompositionProducts.forEach((phase, perMole) -> moles.merge(phase, decomposed * perMole, Double::sum));
        moles.put(product, intact - decomposed);
        return moles;
    }
}
