package org.athanor.simulators.world;

import java.util.List;
import java.util.Map;

/** The chemistries the simulated world knows, most specific first. Numbers and sources: simulators/WORLD.md. */
final class Chemistries {

    private Chemistries() {
    }

    static List<ChemistryModel> all() {
        return List.of(
                new BariumTitanateModel(),
                new LithiumIronPhosphateModel(),
                // Spinel formation is slow (Ea ~ 480 kJ/mol; Kim, Hwang & Lee, J. Am. Ceram. Soc. 84 (2001) and the
                // diffusion data reviewed by Ganesh, Int. Mater. Rev. 58 (2013) 63): near-complete only at ≥ 1400 °C.
                DirectReactionModel.simple("MgAl2O4 from MgO + Al2O3", "MgAl2O4",
                        Map.of("MgO", 1.0, "Al2O3", 1.0), new Kinetics(480, 1370, 0.7)),
                DirectReactionModel.simple("ZnAl2O4 from ZnO + Al2O3", "ZnAl2O4",
                        Map.of("ZnO", 1.0, "Al2O3", 1.0), new Kinetics(350, 1050, 0.8)),
                DirectReactionModel.simple("CaTiO3 from CaCO3 + TiO2", "CaTiO3",
                        Map.of("CaCO3", 1.0, "TiO2", 1.0), new Kinetics(250, 950, 1.0)),
                new DirectReactionModel("Li2TiO3 from Li2CO3 + TiO2", "Li2TiO3",
                        Map.of("Li2CO3", 1.0, "TiO2", 1.0), new Kinetics(180, 680, 1.0),
                        new Kinetics(280, 1150, 1.0), Map.of("TiO2", 1.0),
                        Double.POSITIVE_INFINITY, null, Map.of()),
                new DirectReactionModel("LiMn2O4 from Li2CO3 + MnO2", "LiMn2O4",
                        Map.of("Li2CO3", 0.5, "MnO2", 2.0), new Kinetics(150, 650, 1.0),
                        new Kinetics(280, 1100, 1.0), Map.of("Mn2O3", 2.0),
                        // 3 LiMn2O4 → 3 LiMnO2 + Mn3O4 + O2 above ~900 °C (Thackeray, Prog. Solid State Chem. 25 (1997) 1)
                        900, new Kinetics(350, 925, 1.0), Map.of("LiMnO2", 1.0, "Mn3O4", 1.0 / 3)));
    }
}
