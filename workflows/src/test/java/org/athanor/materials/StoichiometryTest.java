package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoichiometryTest {

    private static List<Composition> parse(String... formulas) {
        return java.util.Arrays.stream(formulas).map(Formula::parse).toList();
    }

    @Test
    void bariumCarbonateAndTitaniaGiveBariumTitanateAndCarbonDioxide() {
        Reaction r = Stoichiometry.balance("BaTiO3", List.of("BaCO3", "TiO2"));
        assertThat(r.toString()).isEqualTo("BaCO3 + TiO2 → BaTiO3 + CO2");
    }

    @Test
    void lithiumManganateReleasesOxygenBecauseManganeseIsReduced() {
        Reaction r = Stoichiometry.balance("LiMn2O4", List.of("Li2CO3", "MnO2"));
        assertThat(r.toString()).isEqualTo("2Li2CO3 + 8MnO2 → 4LiMn2O4 + 2CO2 + O2");
    }

    @Test
    void ybcoTakesUpOxygenFromAir() {
        Reaction r = Stoichiometry.balance("YBa2Cu3O7", List.of("Y2O3", "BaCO3", "CuO"));
        assertThat(r.reactants()).extracting(Reaction.Term::formula).contains("O2");
        assertThat(r.coefficient("O2")).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void nitratesReleaseNitrogenDioxideAndAmmoniumSaltsAmmonia() {
        Reaction nitrate = Stoichiometry.balance("NiO", List.of("Ni(NO3)2·6H2O"));
        assertThat(nitrate.coefficient("NO2")).isCloseTo(2, within(1e-9));
        assertThat(nitrate.coefficient("H2O")).isCloseTo(6, within(1e-9));
        assertThat(nitrate.coefficient("O2")).isCloseTo(0.5, within(1e-9));
        Reaction ammonium = Stoichiometry.balance("LiFePO4", List.of("Li2CO3", "Fe2O3", "NH4H2PO4"));
        assertThat(ammonium.coefficient("NH3")).isCloseTo(1, within(1e-9));
        assertThat(ammonium.coefficient("H2O")).isCloseTo(1.5, within(1e-9));
        assertThat(ammonium.coefficient("NO2")).isZero();
    }

    @Test
    void sulfatesAndChloridesLeaveAsSulfurTrioxideAndHydrogenChloride() {
        Reaction r = Stoichiometry.balance("MgO", List.of("MgCl2·6H2O"));
        assertThat(r.coefficient("HCl")).isCloseTo(2, within(1e-9));
        assertThat(r.coefficient("H2O")).isCloseTo(5, within(1e-9));
        Reaction s = Stoichiometry.balance("CuO", List.of("CuSO4·5H2O"));
        assertThat(s.coefficient("SO3")).isCloseTo(1, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"BaTiO3|BaCO3,TiO2", "SrTiO3|SrCO3,TiO2", "LiMn2O4|Li2CO3,MnO2",
            "Li7La3Zr2O12|LiOH·H2O,La2O3,ZrO2", "LiFePO4|Li2CO3,Fe2O3,NH4H2PO4", "YBa2Cu3O7|Y2O3,BaCO3,CuO",
            "ZnAl2O4|ZnO,Al2O3", "Ca2SiO4|CaCO3,SiO2", "Bi4Ti3O12|Bi2O3,TiO2", "LaFeO3|La(NO3)3·6H2O,Fe(NO3)3·9H2O",
            "Na3V2(PO4)3|Na2CO3,NH4VO3,NH4H2PO4", "BiFeO3|Bi(NO3)3·5H2O,Fe(NO3)3·9H2O",
            "Ce0.9Gd0.1O1.95|CeO2,Gd2O3", "LiNi0.8Mn0.1Co0.1O2|LiOH·H2O,NiO,MnO2,Co3O4", "CaSO4|CaCO3,(NH4)2SO4"})
    void everyElementIsConservedAndTheMassesAddUp(String target, String precursors) {
        Reaction r = Stoichiometry.balance(target, List.of(precursors.split(",")));
        assertThat(r.side(true).approximatelyEquals(r.side(false), 1e-9)).as(r.toString()).isTrue();
        double left = r.reactants().stream().mapToDouble(t -> t.coefficient() * t.composition().molarMass()).sum();
        double right = r.products().stream().mapToDouble(t -> t.coefficient() * t.composition().molarMass()).sum();
        assertThat(left).isCloseTo(right, within(1e-6));
        assertThat(r.target().coefficient()).isEqualTo(1);
    }

    @Test
    void precursorMassesMakeTheAskedProductMass() {
        List<PrecursorMass> m = Stoichiometry.precursorMasses(Formula.parse("BaTiO3"), 2.0, parse("BaCO3", "TiO2"), Map.of());
        double moles = 2.0 / (137.327 + 47.867 + 3 * 15.999);
        assertThat(m.get(0).formula()).isEqualTo("BaCO3");
        assertThat(m.get(0).moles()).isCloseTo(moles, within(1e-12));
        assertThat(m.get(0).grams()).isCloseTo(moles * (137.327 + 12.011 + 3 * 15.999), within(1e-9));
        assertThat(m.get(1).grams()).isCloseTo(moles * (47.867 + 2 * 15.999), within(1e-9));
        double co2 = moles * (12.011 + 2 * 15.999);
        // mass balance: precursors = product + CO2
        assertThat(m.get(0).grams() + m.get(1).grams()).isCloseTo(2.0 + co2, within(1e-9));
    }

    @Test
    void excessOfAVolatileCationScalesOnlyThePrecursorsThatCarryIt() {
        List<Composition> ps = parse("Li2CO3", "La2O3", "ZrO2");
        Composition llzo = Formula.parse("Li7La3Zr2O12");
        List<PrecursorMass> plain = Stoichiometry.precursorMasses(llzo, 1.0, ps, Map.of());
        List<PrecursorMass> extra = Stoichiometry.precursorMasses(llzo, 1.0, ps, Map.of("Li", 0.10));
        assertThat(extra.get(0).grams()).isCloseTo(plain.get(0).grams() * 1.10, within(1e-12));
        assertThat(extra.get(1).grams()).isEqualTo(plain.get(1).grams());
        assertThat(extra.get(2).grams()).isEqualTo(plain.get(2).grams());
        assertThat(plain.get(0).moles()).isCloseTo(3.5 / llzo.molarMass(), within(1e-12));
    }

    @Test
    void refusesExcessOfAnElementTheTargetLacksOrAnAbsurdFraction() {
        Composition bto = Formula.parse("BaTiO3");
        assertThatThrownBy(() -> Stoichiometry.precursorMasses(bto, 1, parse("BaCO3", "TiO2"), Map.of("Li", 0.1)))
                .hasMessageContaining("Li");
        assertThatThrownBy(() -> Stoichiometry.precursorMasses(bto, 1, parse("BaCO3", "TiO2"), Map.of("Ba", 10.0)))
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> Stoichiometry.precursorMasses(bto, -1, parse("BaCO3", "TiO2"), Map.of()))
                .hasMessageContaining("positive");
    }

    @Test
    void saysClearlyWhenThePrecursorsCannotMakeTheTarget() {
        assertThatThrownBy(() -> Stoichiometry.balance("BaTiO3", List.of("BaCO3")))
                .isInstanceOf(StoichiometryException.class).hasMessageContaining("no precursor supplies Ti");
        assertThatThrownBy(() -> Stoichiometry.balance("BaTiO3", List.of("BaCO3", "TiO2", "NaCl")))
                .hasMessageContaining("Na from NaCl");
        assertThatThrownBy(() -> Stoichiometry.balance("BaTiO3", List.of("BaCO3", "TiO2", "BaO")))
                .hasMessageContaining("drop one");
        assertThatThrownBy(() -> Stoichiometry.balance("Ba2TiO4", List.of("BaTiO3")))
                .hasMessageContaining("cannot make");
        assertThatThrownBy(() -> Stoichiometry.balance("BaTiO3", List.of("BaCO3", "TiO2", "C")))
                .hasMessageContaining("C supplies no element");
        assertThatThrownBy(() -> Stoichiometry.balance("BiFeO3", List.of("Bi(NO3)3·5H2O", "Fe(NO3)3·9H2O", "C6H8O7")))
                .hasMessageContaining("complexing agent");
    }

    @Test
    void choosesCarbonatesAndOxidesFirst() {
        PrecursorTable t = PrecursorTable.standard();
        assertThat(Stoichiometry.choosePrecursors(Formula.parse("BaTiO3"), t, p -> true))
                .extracting(Precursor::formula).containsExactly("BaCO3", "TiO2");
        assertThat(Stoichiometry.choosePrecursors(Formula.parse("LiFePO4"), t, p -> true))
                .extracting(Precursor::formula).containsExactly("Li2CO3", "Fe2O3", "NH4H2PO4");
    }

    @Test
    void choiceHonoursWhatIsAllowed() {
        PrecursorTable t = PrecursorTable.standard();
        List<Precursor> noCarbonates = Stoichiometry.choosePrecursors(Formula.parse("SrTiO3"), t, p -> !p.releases("CO2"));
        assertThat(noCarbonates).extracting(Precursor::formula).containsExactly("SrO", "TiO2");
        List<Precursor> noOxidizers = Stoichiometry.choosePrecursors(Formula.parse("ZnO"), t,
                p -> !p.is(HazardClass.OXIDIZER) && !p.formula().equals("ZnO"));
        assertThat(noOxidizers.get(0).formula()).isEqualTo("ZnCO3");
        assertThatThrownBy(() -> Stoichiometry.choosePrecursors(Formula.parse("BaTiO3"), t, p -> !p.elements().contains("Ba")))
                .hasMessageContaining("Ba");
    }
}
