package org.athanor.simulators.world;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.workflow.Atmosphere;

/**
 * LiFePO4 from Li2CO3 + FeC2O4 + NH4H2PO4 (the common oxalate route; Padhi et al., J. Electrochem. Soc. 144 (1997)
 * 1188; Yamada et al., J. Electrochem. Soc. 148 (2001) A224: single phase at 500–700 °C under inert gas).
 *
 * <ul>
 *   <li>Formation: JMAK, n = 1.5, about 2 h at 600 °C.</li>
 *   <li>Fe²⁺ oxidises in air or O2 (from ~400 °C): 6 LiFePO4 + 3/2 O2 → 2 Li3Fe2(PO4)3 + Fe2O3; unreacted Fe²⁺
 *       precursor goes to Fe2O3.</li>
 *   <li>Li2O volatilises with hold time above ~750 °C: 2 LiFePO4 → Li2O↑ + Fe2P2O7.</li>
 *   <li>Above 975 °C (incongruent melting): 3 LiFePO4 → Li3PO4 + Fe3(PO4)2.</li>
 *   <li>Li from Li2CO3 or LiOH·H2O, Fe²⁺ from FeC2O4 or FeC2O4·2H2O, P from NH4H2PO4 or (NH4)2HPO4. Fe2O3 (Fe³⁺)
 *       takes part only once hydrogen (2 % H2/Ar) has been there to reduce it, at half the oxalate's rate; under Ar or
 *       N2 alone it stays Fe2O3 (WORLD.md).</li>
 * </ul>
 */
final class LithiumIronPhosphateModel implements ChemistryModel {

    static final Kinetics FORMATION = new Kinetics(200, 560, 1.5);
    static final Kinetics OXIDATION = new Kinetics(120, 450, 1.0);
    static final Kinetics LITHIUM_LOSS = new Kinetics(250, 1050, 1.0);
    static final Kinetics MELTING = new Kinetics(400, 1000, 1.0);
    static final double MELTING_ONSET_C = 975;
    /** Hydrogen reduces Fe³⁺ oxide from about this temperature (modelling choice; hematite reduction starts ~400 °C in H2). */
    static final double FERRIC_REDUCTION_C = 400;

    static final Reactant LITHIUM = Chemistries.lithium(1);
    static final Reactant FERROUS = Reactant.of("Fe", 1, Reactant.Source.of("FeC2O4", 1, 1.0),
            Reactant.Source.fired("FeC2O4·2H2O", 1, 1.0, "FeC2O4", 1, 190));
    static final Reactant.Source HEMATITE = Reactant.Source.of("Fe2O3", 2, 0.5);
    static final Reactant PHOSPHORUS = Reactant.of("P", 1, Reactant.Source.of("NH4H2PO4", 1, 1.0),
            Reactant.Source.of("(NH4)2HPO4", 1, 1.0));

    @Override
    public String product() {
        return "LiFePO4";
    }

    @Override
    public String name() {
        return "LiFePO4 from Li2CO3 + FeC2O4 + NH4H2PO4 (inert gas)";
    }

    @Override
    public Set<String> precursors() {
        Set<String> out = new LinkedHashSet<>();
        for (Reactant r : List.of(LITHIUM, FERROUS, PHOSPHORUS)) {
            out.addAll(r.formulas());
        }
        out.add(HEMATITE.formula());
        return out;
    }

    @Override
    public boolean accepts(Set<String> dispensed) {
        return LITHIUM.suppliedBy(dispensed) && PHOSPHORUS.suppliedBy(dispensed)
                && (FERROUS.suppliedBy(dispensed) || dispensed.contains(HEMATITE.formula()));
    }

    private static double ferric(Sample sample) {
        return HEMATITE.atoms() * sample.moles(HEMATITE.formula());
    }

    private static boolean reduced(Sample sample) {
        return sample.progress("ferricReduced") > 0;
    }

    /** Fe that can form olivine: every Fe²⁺, and Fe³⁺ once hydrogen has reached it. */
    private static double usableIron(Sample sample) {
        return FERROUS.moles(sample) + (reduced(sample) ? ferric(sample) : 0);
    }

    @Override
    public void expose(Sample sample, double temperatureC, Atmosphere atmosphere, double hours) {
        if (atmosphere.containsHydrogen() && temperatureC >= FERRIC_REDUCTION_C) {
            sample.addProgress("ferricReduced", hours);
        }
        double ferrous = FERROUS.moles(sample);
        double ferric = reduced(sample) ? ferric(sample) : 0;
        double iron = ferrous + ferric <= 0 ? 1 : (ferrous * FERROUS.reactivity(sample) + ferric * HEMATITE.reactivity()) / (ferrous + ferric);
        double reactivity = LITHIUM.reactivity(sample) * PHOSPHORUS.reactivity(sample) * iron;
        sample.addProgress("formation", FORMATION.ratePerHour(temperatureC) * sample.rateFactor * sample.contactFactor() * reactivity * hours);
        if (atmosphere.isOxidising() && temperatureC > 250) {
            double factor = "O2".equals(atmosphere.gas()) ? 5 : 1;
            sample.addProgress("oxidation", OXIDATION.ratePerHour(temperatureC) * factor * hours);
        }
        sample.addProgress("lithiumLoss", LITHIUM_LOSS.ratePerHour(temperatureC) * hours);
        if (temperatureC > MELTING_ONSET_C) {
            sample.addProgress("melting", MELTING.ratePerHour(temperatureC) * hours);
        }
    }

    @Override
    public Map<String, Double> phaseMoles(Sample sample) {
        double li = LITHIUM.moles(sample);
        double fe = usableIron(sample);
        double p = PHOSPHORUS.moles(sample);
        double formed = Math.min(li, Math.min(fe, p)) * FORMATION.converted(sample.progress("formation"));
        double oxidised = Kinetics.firstOrder(sample.progress("oxidation"));
        double melted = formed * Kinetics.firstOrder(sample.progress("melting"));
        double lost = (formed - melted) * Kinetics.firstOrder(sample.progress("lithiumLoss"));
        double olivine = formed - melted - lost;
        double nasicon = olivine * oxidised;
        olivine -= nasicon;

        // The olivine drew on Fe²⁺ and (reduced) Fe³⁺ in proportion to what was usable.
        double ferrous = FERROUS.moles(sample);
        double ferrousLeft = fe <= 0 ? ferrous : ferrous - formed * ferrous / fe;
        double ferricLeft = ferric(sample) - (fe <= 0 || !reduced(sample) ? 0 : formed * ferric(sample) / fe);

        Map<String, Double> moles = new LinkedHashMap<>();
        LITHIUM.leftover(sample, li - formed).forEach((k, v) -> moles.merge(k, v, Double::sum));
        FERROUS.leftover(sample, ferrousLeft * (1 - oxidised)).forEach((k, v) -> moles.merge(k, v, Double::sum));
        PHOSPHORUS.leftover(sample, p - formed).forEach((k, v) -> moles.merge(k, v, Double::sum));
        moles.put("LiFePO4", olivine);
        moles.put("Li3Fe2(PO4)3", nasicon / 3);
        moles.merge("Fe2O3", nasicon / 6 + ferrousLeft * oxidised / 2 + ferricLeft / 2, Double::sum);
        moles.put("Fe2P2O7", lost / 2);
        moles.put("Li3PO4", melted / 3);
        moles.put("Fe3(PO4)2", melted / 3);
        return moles;
    }
}
