package org.athanor.simulators.world;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.athanor.workflow.Atmosphere;

/**
 * BaTiO3 from BaCO3 + TiO2 through the Ba-rich intermediate Ba2TiO4.
 *
 * <p>Stage 1: 2 BaCO3 + TiO2 → Ba2TiO4 + 2 CO2 (fast once carbonate decomposition is assisted by TiO2, 700–900 °C).
 * Stage 2: Ba2TiO4 + TiO2 → 2 BaTiO3 (slow, diffusion through the product layer). This is the sequence reported by
 * Beauger, Mutin &amp; Niepce, J. Mater. Sci. 18 (1983) 3041 and Buscaglia et al., J. Eur. Ceram. Soc. 25 (2005) 3681.
 * Rates are chosen so that a phase-pure product needs about 1100 °C for 2 h or 1050 °C for 8 h (see WORLD.md).
 * Above 1460 °C BaTiO3 turns hexagonal (phase diagram of Rase &amp; Roy, J. Am. Ceram. Soc. 38 (1955) 102).
 */
final class BariumTitanateModel implements ChemistryModel {

    static final Kinetics STAGE_1 = new Kinetics(220, 900, 1.0);
    static final Kinetics STAGE_2 = new Kinetics(400, 1100, 1.0);
    static final Kinetics HEXAGONAL = new Kinetics(500, 1480, 1.0);
    static final double HEXAGONAL_ONSET_C = 1460;

    @Override
    public String product() {
        return "BaTiO3";
    }

    @Override
    public String name() {
        return "BaTiO3 from BaCO3 + TiO2 via Ba2TiO4";
    }

    @Override
    public Set<String> precursors() {
        return Set.of("BaCO3", "TiO2");
    }

    @Override
    public void expose(Sample sample, double temperatureC, Atmosphere atmosphere, double hours) {
        double f = sample.rateFactor * sample.contactFactor();
        sample.addProgress("stage1", STAGE_1.ratePerHour(temperatureC) * f * hours);
        // The second stage needs Ba2TiO4 to exist, so it only advances as far as stage 1 has gone.
        double made = STAGE_1.converted(sample.progress("stage1"));
        sample.addProgress("stage2", STAGE_2.ratePerHour(temperatureC) * f * hours * made);
        if (temperatureC > HEXAGONAL_ONSET_C) {
            sample.addProgress("hexagonal", HEXAGONAL.ratePerHour(temperatureC) * hours);
        }
    }

    @Override
    public Map<String, Double> phaseMoles(Sample sample) {
        double ba = sample.moles("BaCO3");
        double ti = sample.moles("TiO2");
        double a1 = STAGE_1.converted(sample.progress("stage1"));
        double a2 = STAGE_2.converted(sample.progress("stage2"));
        double reactedBa = Math.min(a1 * ba, 2 * ti);
        double ortho = reactedBa / 2;
        double tiLeft = ti - ortho;
        double extent2 = Math.min(a2 * ortho, tiLeft);
        double perovskite = 2 * extent2;
        double hex = perovskite * Kinetics.firstOrder(sample.progress("hexagonal"));
        Map<String, Double> moles = new LinkedHashMap<>();
        moles.put("BaCO3", ba - reactedBa);
        moles.put("TiO2", tiLeft - extent2);
        moles.put("Ba2TiO4", ortho - extent2);
        moles.put("BaTiO3", perovskite - hex);
        moles.put("BaTiO3-hexagonal", hex);
        return moles;
    }
}
