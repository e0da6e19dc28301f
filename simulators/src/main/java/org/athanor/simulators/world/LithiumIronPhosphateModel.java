package org.athanor.simulators.world;

import java.util.LinkedHashMap;
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
 * </ul>
 */
final class LithiumIronPhosphateModel implements ChemistryModel {

    static final Kinetics FORMATION = new Kinetics(200, 560, 1.5);
    static final Kinetics OXIDATION = new Kinetics(120, 450, 1.0);
    static final Kinetics LITHIUM_LOSS = new Kinetics(250, 1050, 1.0);
    static final Kinetics MELTING = new Kinetics(400, 1000, 1.0);
    static final double MELTING_ONSET_C = 975;

    @Override
    public String name() {
        return "LiFePO4 from Li2CO3 + FeC2O4 + NH4H2PO4 (inert gas)";
    }

    @Override
    public Set<String> precursors() {
        return Set.of("Li2CO3", "FeC2O4", "NH4H2PO4");
    }

    @Override
    public void expose(Sample sample, double temperatureC, Atmosphere atmosphere, double hours) {
        sample.addProgress("formation", FORMATION.ratePerHour(temperatureC) * sample.rateFactor * sample.contactFactor() * hours);
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
        double li = 2 * sample.moles("Li2CO3");
        double fe = sample.moles("FeC2O4");
        double p = sample.moles("NH4H2PO4");
        double formed = Math.min(li, Math.min(fe, p)) * FORMATION.converted(sample.progress("formation"));
        double oxidised = Kinetics.firstOrder(sample.progress("oxidation"));
        double melted = formed * Kinetics.firstOrder(sample.progress("melting"));
        double lost = (formed - melted) * Kinetics.firstOrder(sample.progress("lithiumLoss"));
        double olivine = formed - melted - lost;
        double nasicon = olivine * oxidised;
        olivine -= nasicon;

        Map<String, Double> moles = new LinkedHashMap<>();
        moles.put("Li2CO3", (li - formed) / 2);
        moles.put("FeC2O4", (fe - formed) * (1 - oxidised));
        moles.put("NH4H2PO4", p - formed);
        moles.put("LiFePO4", olivine);
        moles.put("Li3Fe2(PO4)3", nasicon / 3);
        moles.put("Fe2O3", nasicon / 6 + (fe - formed) * oxidised / 2);
        moles.put("Fe2P2O7", lost / 2);
        moles.put("Li3PO4", melted / 3);
        moles.put("Fe3(PO4)2", melted / 3);
        return moles;
    }
}
