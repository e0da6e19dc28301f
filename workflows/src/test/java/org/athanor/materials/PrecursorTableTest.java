package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrecursorTableTest {

    private final PrecursorTable table = PrecursorTable.standard();

    @ParameterizedTest
    @ValueSource(strings = {"Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Al", "Si", "Ti", "Zr", "V", "Cr", "Mn", "Fe", "Co",
            "Ni", "Cu", "Zn", "Y", "La", "Ce", "Nb", "Ta", "W", "Mo", "Bi", "P", "B", "Ga", "In", "Sn", "Pb", "Gd", "Nd"})
    void coversTheCommonElements(String element) {
        assertThat(table.forElement(element)).as(element).isNotEmpty();
        assertThat(table.forElement(element).get(0).primaryElement()).isEqualTo(element);
    }

    @Test
    void carbonatesAndOxidesComeBeforeNitratesAndHalides() {
        List<String> ba = table.forElement("Ba").stream().map(Precursor::formula).toList();
        assertThat(ba.indexOf("BaCO3")).isLessThan(ba.indexOf("Ba(NO3)2"));
        assertThat(ba.indexOf("Ba(NO3)2")).isLessThan(ba.indexOf("BaCl2·2H2O"));
        assertThat(table.forElement("P").get(0).formula()).isEqualTo("NH4H2PO4");
    }

    @Test
    void looksUpByWrittenFormulaAnyDotOrByComposition() {
        assertThat(table.lookup("Ni(NO3)2·6H2O")).map(Precursor::name).contains("nickel(II) nitrate hexahydrate");
        assertThat(table.lookup("Ni(NO3)2.6H2O")).map(Precursor::formula).contains("Ni(NO3)2·6H2O");
        assertThat(table.lookup("CO3Ba")).map(Precursor::formula).contains("BaCO3");
        assertThat(table.lookup("Unobtainium")).isEmpty();
    }

    @Test
    void everyNitrateIsAnOxidizerThatReleasesNitrogenDioxide() {
        for (Precursor p : table.all()) {
            if (p.formula().contains("NO3") && !p.formula().startsWith("NH4")) {
                assertThat(p.is(HazardClass.OXIDIZER)).as(p.formula()).isTrue();
                assertThat(p.releases("NOx")).as(p.formula()).isTrue();
                assertThat(p.ghsCodes()).as(p.formula()).contains("H272");
            }
        }
    }

    @Test
    void carbonatesReleaseCarbonDioxideAndHydratesWater() {
        for (Precursor p : table.all()) {
            if (p.formula().contains("CO3")) {
                assertThat(p.releases("CO2")).as(p.formula()).isTrue();
            }
            if (p.formula().matches(".*·\\d*H2O.*")) {
                assertThat(p.releases("H2O")).as(p.formula()).isTrue();
            }
        }
    }

    @Test
    void hazardClassesAgreeWithTheGhsStatements() {
        for (Precursor p : table.all()) {
            if (p.ghsCodes().stream().anyMatch(c -> c.startsWith("H350") || c.startsWith("H351"))) {
                assertThat(p.is(HazardClass.CARCINOGEN)).as(p.formula()).isTrue();
            }
            if (p.ghsCodes().stream().anyMatch(c -> c.equals("H260") || c.equals("H261"))) {
                assertThat(p.is(HazardClass.WATER_REACTIVE)).as(p.formula()).isTrue();
            }
            if (p.ghsCodes().stream().anyMatch(c -> c.equals("H271") || c.equals("H272"))) {
                assertThat(p.is(HazardClass.OXIDIZER)).as(p.formula()).isTrue();
            }
            assertThat(p.source()).as(p.formula()).isNotBlank();
        }
    }

    @Test
    void fuelsAndSelfReactiveReagentsAreMarked() {
        assertThat(table.lookup("C").orElseThrow().is(HazardClass.FUEL)).isTrue();
        assertThat(table.lookup("S").orElseThrow().is(HazardClass.FUEL)).isTrue();
        assertThat(table.lookup("NH4NO3").orElseThrow().is(HazardClass.SELF_REACTIVE)).isTrue();
        assertThat(table.lookup("KNO3").orElseThrow().decompositionOnsetC()).isNotNull();
        assertThat(table.lookup("Li2CO3").orElseThrow().meltingPointC()).isEqualTo(723.0);
    }

    @Test
    void everyReleasedGasIsMadeOfElementsTheReagentContains() {
        for (Precursor p : table.all()) {
            for (String gas : p.releasesOnHeating()) {
                Composition g = Formula.parse(gas);
                for (String el : g.elements()) {
                    if (!el.equals("O")) {
                        assertThat(p.composition().contains(el)).as(p.formula() + " releases " + gas).isTrue();
                    }
                }
            }
            for (String el : p.elements()) {
                assertThat(p.composition().contains(el)).as(p.formula() + " supplies " + el).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Li2O", "Na2O", "K2O", "MgO", "CaO", "SrO", "BaO", "Al2O3", "SiO2", "TiO2", "ZrO2", "V2O5",
            "Cr2O3", "MnO", "Fe2O3", "CoO", "NiO", "CuO", "ZnO", "Y2O3", "La2O3", "CeO2", "Nb2O5", "Ta2O5", "WO3", "MoO3",
            "Bi2O3", "Ga2O3", "In2O3", "SnO2", "PbO", "Gd2O3", "Nd2O3", "B2O3"})
    void theMostPreferredReagentOfEachElementMakesItsOxide(String oxide) {
        Composition target = Formula.parse(oxide);
        List<Precursor> chosen = Stoichiometry.choosePrecursors(target, table, p -> true);
        Reaction r = Stoichiometry.balance(target, chosen.stream().map(Precursor::composition).toList());
        assertThat(r.side(true).approximatelyEquals(r.side(false), 1e-9)).as(r.toString()).isTrue();
    }
}
