package org.athanor.simulators.world;

import java.util.List;
import java.util.Map;
import org.athanor.simulators.world.Reactant.Source;

/** The chemistries the simulated world knows, most specific first. Numbers and sources: simulators/WORLD.md. */
final class Chemistries {

    private Chemistries() {
    }

    // Interchangeable precursors per element. Reactivity is relative to the first (reference) precursor; reasons in
    // WORLD.md ("Precursor choice"). A precursor that decomposes is found as its oxide once fired above its onset
    // (onsets from the precursor table, CRC Handbook 97th ed. / typical TGA onsets).
    static final Reactant.Source LI2CO3 = Source.of("Li2CO3", 2, 1.0);
    static final Reactant.Source LIOH = Source.fired("LiOH·H2O", 1, 2.0, "Li2CO3", 2, 100);
    static final Reactant.Source MNO2 = Source.fired("MnO2", 1, 1.0, "Mn2O3", 2, 535);
    static final Reactant.Source MN2O3 = Source.of("Mn2O3", 2, 0.7);
    static final Reactant.Source MNCO3 = Source.fired("MnCO3", 1, 1.5, "Mn2O3", 2, 350);
    static final Reactant.Source AL2O3 = Source.of("Al2O3", 2, 1.0);
    static final Reactant.Source ALOH3 = Source.fired("Al(OH)3", 1, 2.0, "Al2O3", 2, 220);
    static final Reactant.Source MGO = Source.of("MgO", 1, 1.0);
    static final Reactant.Source MGCO3 = Source.fired("MgCO3", 1, 1.5, "MgO", 1, 350);
    static final Reactant.Source MGOH2 = Source.fired("Mg(OH)2", 1, 1.5, "MgO", 1, 350);

    static Reactant lithium(double perProduct) {
        return Reactant.of("Li", perProduct, LI2CO3, LIOH);
    }

    static Reactant manganese(double perProduct) {
        return Reactant.of("Mn", perProduct, MNO2, MN2O3, MNCO3);
    }

    static Reactant aluminium(double perProduct) {
        return Reactant.of("Al", perProduct, AL2O3, ALOH3);
    }

    static Reactant titanium(double perProduct) {
        return Reactant.of("Ti", perProduct, Source.of("TiO2", 1, 1.0));
    }

    static List<ChemistryModel> all() {
        return List.of(
                new BariumTitanateModel(),
                new LithiumIronPhosphateModel(),
                // Spinel formation is slow (Ea ~ 480 kJ/mol; Kim, Hwang & Lee, J. Am. Ceram. Soc. 84 (2001) and the
                // diffusion data reviewed by Ganesh, Int. Mater. Rev. 58 (2013) 63): near-complete only at ≥ 1400 °C.
                DirectReactionModel.simple("MgAl2O4 from MgO + Al2O3", "MgAl2O4",
                        List.of(Reactant.of("Mg", 1, MGO, MGCO3, MGOH2), aluminium(2)), new Kinetics(480, 1370, 0.7)),
                // ZnO evaporates slowly from ~1100 °C in air (modelling choice, WORLD.md): ≈ 2 % in 10 h at 1200 °C.
                new DirectReactionModel("ZnAl2O4 from ZnO + Al2O3", "ZnAl2O4",
                        List.of(Reactant.of("Zn", 1, Source.of("ZnO", 1, 1.0)), aluminium(2)), new Kinetics(350, 1050, 0.8),
                        "Zn", new Kinetics(300, 1700, 1.0), Double.POSITIVE_INFINITY, null, Map.of(), Map.of()),
                DirectReactionModel.simple("CaTiO3 from CaCO3 + TiO2", "CaTiO3",
                        List.of(Reactant.of("Ca", 1, Source.of("CaCO3", 1, 1.0)), titanium(1)), new Kinetics(250, 950, 1.0)),
                new DirectReactionModel("Li2TiO3 from Li2CO3 + TiO2", "Li2TiO3",
                        List.of(lithium(2), titanium(1)), new Kinetics(180, 680, 1.0),
                        "Li", new Kinetics(280, 1150, 1.0), Double.POSITIVE_INFINITY, null, Map.of(), Map.of()),
                new DirectReactionModel("LiMn2O4 from Li2CO3 + MnO2", "LiMn2O4",
                        List.of(lithium(1), manganese(2)), new Kinetics(150, 650, 1.0),
                        "Li", new Kinetics(280, 1100, 1.0),
                        // 3 LiMn2O4 → 3 LiMnO2 + Mn3O4 + O2 above ~900 °C in air (Thackeray, Prog. Solid State Chem. 25
                        // (1997) 1); less oxygen lowers the onset (inert gas −150 °C, O2 +50 °C, H2 reduces from ~400 °C).
                        900, new Kinetics(350, 925, 1.0), Map.of("LiMnO2", 1.0, "Mn3O4", 1.0 / 3),
                        Map.of("inert", 150.0, "O2", -50.0, "H2", 500.0)));
    }
}
