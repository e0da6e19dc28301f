package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Constraints;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Crucibles (RULES.md §2), atmosphere and gases (§3) and the goal's own constraints. */
class CrucibleAndAtmosphereRulesTest {

    private static final String CRUCIBLE_MAX = "A crucible is heated no higher than its material allows";
    private static final String CRUCIBLE_OXIDISING = "A crucible that oxidises stays below its limit in an oxidising atmosphere";

    private final Gate gate = gate();
    private final LabState lab = LabState.defaultSimulatedLab();

    private Verdict tube(String crucible, Atmosphere atmosphere, double celsius, String... precursors) {
        String[] p = precursors.length == 0 ? new String[] {"ZnO", "1"} : precursors;
        return gate.vet(solidState("X", heat("heat", "s1", "tube-furnace-1", crucible, atmosphere,
                HeatSegment.celsius(celsius, 5, 2)), p), lab);
    }

    @ParameterizedTest(name = "{0} at {1} °C: rejected={2}")
    @CsvSource({"quartz, 1099, false", "quartz, 1100, false", "quartz, 1101, true",
        "platinum, 1399, false", "platinum, 1400, false", "platinum, 1401, true", "alumina, 1500, false"})
    void crucibleMaterialLimitsHold(String crucible, double celsius, boolean rejected) {
        assertThat(errorRules(tube(crucible, Atmosphere.AIR, celsius)).contains(CRUCIBLE_MAX)).isEqualTo(rejected);
    }

    @Test
    void quartzAboveItsLimitIsNamedInTheMessage() {
        Violation v = tube("quartz", Atmosphere.AIR, 1150).errors().get(0);
        assertThat(v.message()).contains("quartz").contains("1100 °C").contains("1150 °C");
    }

    @ParameterizedTest(name = "{0} in {1} at {2} °C: rejected={3}")
    @CsvSource({"graphite, air, 400, false", "graphite, air, 401, true", "graphite, O2, 500, true", "graphite, Ar, 1200, false",
        "graphite, N2, 1400, false", "boron-nitride, air, 850, false", "boron-nitride, air, 851, true",
        "boron-nitride, N2, 1200, false"})
    void oxidisableCruciblesStayBelowTheirLimitInOxidisingGas(String crucible, String gas, double celsius, boolean rejected) {
        assertThat(errorRules(tube(crucible, Atmosphere.of(gas), celsius)).contains(CRUCIBLE_OXIDISING)).isEqualTo(rejected);
    }

    @Test
    void platinumNeverSeesHydrogen() {
        assertThat(errorRules(tube("platinum", new Atmosphere("H2/Ar", 2.0, null), 800)))
                .containsExactly("A crucible that takes up hydrogen never sees a reducing atmosphere");
        assertThat(tube("alumina", new Atmosphere("H2/Ar", 2.0, null), 800).errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} in platinum")
    @CsvSource({"PbO, Platinum crucibles never hold heated lead compounds",
        "Bi2O3, Platinum crucibles never hold heated bismuth compounds",
        "Li2CO3, Platinum crucibles never hold heated carbon-bearing precursors",
        "NH4H2PO4, Platinum crucibles never hold heated phosphorus compounds",
        "ZnS, Platinum crucibles never hold heated sulfur compounds",
        "SnO2, Platinum crucibles never hold heated tin compounds"})
    void platinumIsNotHeatedWithTheElementsThatAttackIt(String precursor, String rule) {
        assertThat(errorRules(tube("platinum", Atmosphere.AIR, 700, precursor, "1"))).contains(rule);
        assertThat(tube("alumina", Atmosphere.AIR, 700, precursor, "1").errors()).extracting(Violation::rule).doesNotContain(rule);
    }

    @ParameterizedTest(name = "{0} in {1} at {2} °C: warned={3}")
    @CsvSource({"Li2CO3, alumina, 600, false", "Li2CO3, alumina, 601, true", "Na2CO3, alumina, 800, true",
        "K2CO3, quartz, 700, true", "Li2CO3, quartz, 599, false", "Li2CO3, zirconia, 900, false", "ZnO, alumina, 900, false"})
    void alkaliCompoundsAttackAluminaAndQuartzAbove600C(String precursor, String crucible, double celsius, boolean warned) {
        Verdict v = tube(crucible, Atmosphere.AIR, celsius, precursor, "1");
        assertThat(v.warnings().stream().anyMatch(w -> w.rule().contains("attack"))).isEqualTo(warned);
        assertThat(v.errors()).isEmpty();
    }

    @Test
    void aBoxFurnaceIsAirOnly() {
        Workflow inArgon = solidState("X", heat("heat", "s1", "box-furnace-1", "alumina", Atmosphere.of("Ar"),
                HeatSegment.celsius(900, 5, 2)), "ZnO", "1");
        assertThat(errorRules(gate.vet(inArgon, lab))).containsExactly("A furnace runs only in atmospheres it is rated for");
    }

    @Test
    void aGasTheFurnaceIsNotRatedForIsAnsweredWithItsGasesInWords() {
        Verdict v = tube("alumina", Atmosphere.of("He"), 800);
        assertThat(v.errors()).singleElement().extracting(org.athanor.safety.Violation::message)
                .isEqualTo("tube-furnace-1 is rated for Ar, H2/Ar, H2/N2, N2, O2, air, not He.");
    }

    @Test
    void reducingGasInAnAirOnlyFurnaceIsRejected() {
        Workflow w = solidState("X", heat("heat", "s1", "box-furnace-1", "alumina", new Atmosphere("H2/Ar", 2.0, null),
                HeatSegment.celsius(900, 5, 2)), "ZnO", "1");
        assertThat(errorRules(gate.vet(w, lab))).contains("Reducing gas never enters an air-only furnace",
                "A furnace runs only in atmospheres it is rated for");
    }

    @ParameterizedTest(name = "{0} with {1} % H2: rejected={2}")
    @CsvSource({"H2/Ar, 3.9, false", "H2/Ar, 4, false", "H2/Ar, 4.1, true", "H2/N2, 5, true", "H2/N2, 2, false", "H2/Ar, 100, true"})
    void hydrogenIsCappedAtTheTubeFurnaceRating(String gas, double percent, boolean rejected) {
        Verdict v = tube("alumina", new Atmosphere(gas, percent, null), 800);
        assertThat(errorRules(v).contains("Hydrogen stays within the furnace's rated H2 fraction")).isEqualTo(rejected);
    }

    @Test
    void pureHydrogenIsRejected() {
        Verdict v = tube("alumina", Atmosphere.of("H2"), 800);
        assertThat(errorRules(v)).contains("Hydrogen stays within the furnace's rated H2 fraction",
                "A furnace runs only in atmospheres it is rated for");
    }

    @Test
    void aHydrogenMixtureWithoutItsFractionIsRejected() {
        assertThat(errorRules(tube("alumina", Atmosphere.of("H2/Ar"), 800))).containsExactly("A hydrogen mixture states its H2 fraction");
    }

    @ParameterizedTest(name = "{0} in {1}: rejected={2}")
    @CsvSource({"C, air, true", "C, O2, true", "C, Ar, false", "Al, air, true", "Mg, O2, true", "Zn, N2, false",
        "C6H12O6, air, true", "C6H8O7, air, true", "CH4N2O, air, true", "FeC2O4·2H2O, air, true", "FeC2O4·2H2O, Ar, false",
        "S, air, true", "Li2CO3, air, false", "MnCO3, air, false"})
    void fuelsAreNotHeatedInAirOrOxygen(String fuel, String gas, boolean rejected) {
        Verdict v = tube("alumina", Atmosphere.of(gas), 600, fuel, "0.5");
        assertThat(errorRules(v).contains("Fuels are never heated in air or oxygen")).isEqualTo(rejected);
    }

    @ParameterizedTest(name = "{0} in {1}: rejected={2}")
    @CsvSource({"KClO4, H2/Ar, true", "KNO3, H2/N2, true", "KMnO4, H2/Ar, true", "K2Cr2O7, H2/Ar, true", "LiNO3, H2/Ar, true",
        "KClO4, Ar, false", "KNO3, air, false", "Li2CO3, H2/Ar, false", "Fe2O3, H2/Ar, false", "C, H2/Ar, false"})
    void oxidisersAreNotHeatedInAReducingAtmosphere(String precursor, String gas, boolean rejected) {
        Atmosphere atmosphere = gas.startsWith("H2") ? new Atmosphere(gas, 3.0, null) : Atmosphere.of(gas);
        Verdict v = tube("alumina", atmosphere, 500, precursor, "0.5");
        assertThat(errorRules(v).contains("Oxidisers are never heated in a reducing atmosphere")).isEqualTo(rejected);
        if (rejected) {
            assertThat(v.errors()).filteredOn(e -> e.rule().equals("Oxidisers are never heated in a reducing atmosphere"))
                    .singleElement().satisfies(e -> assertThat(e.message()).startsWith(precursor + " is a strong oxidiser").contains(gas));
        }
    }

    @ParameterizedTest(name = "goal max {0} {1}, heat {2} °C: rejected={3}")
    @CsvSource({"1250, °C, 1150, false", "1100, °C, 1100, false", "1100, °C, 1101, true", "1373.15, K, 1100, false",
        "1373.15, K, 1100.5, true", "2012, °F, 1101, true"})
    void theGoalsMaximumTemperatureBindsEveryHeatStep(double max, String unit, double heat, boolean rejected) {
        Constraints c = new Constraints(Quantity.of(max, unit), null, null, null, null);
        Workflow w = workflow("ZnO", c, dispense("d1", "s1", "ZnO", 1), heatAir("heat", "s1", heat));
        assertThat(errorRules(gate.vet(w, lab)).contains("Every heat step respects the goal's maximum temperature")).isEqualTo(rejected);
    }

    @Test
    void theGoalsMaximumRampBindsEveryHeatStep() {
        Constraints c = new Constraints(null, Quantity.of(3, "°C/min"), null, null, null);
        Workflow w = workflow("ZnO", c, dispense("d1", "s1", "ZnO", 1), heatAir("heat", "s1", 900));
        assertThat(errorRules(gate.vet(w, lab))).containsExactly("Every heat step respects the goal's maximum ramp rate");
    }

    @Test
    void theGoalsAtmosphereIsTheOneEveryHeatStepUses() {
        Constraints argon = new Constraints(null, null, Atmosphere.of("Ar"), null, null);
        Workflow w = workflow("LiFePO4", argon, dispense("d1", "s1", "FePO4", 1),
                heat("h1", "s1", "tube-furnace-1", "alumina", Atmosphere.of("Ar"), HeatSegment.celsius(600, 5, 1)),
                heat("h2", "s1", "tube-furnace-1", "alumina", Atmosphere.of("N2"), HeatSegment.celsius(700, 5, 1)));
        Verdict v = gate.vet(w, lab);
        assertThat(v.errors()).extracting(Violation::rule, Violation::step)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Every heat step uses the goal's atmosphere", "h2"));
    }

    @Test
    void theGoalsHydrogenFractionIsTheOneEveryHeatStepUses() {
        Constraints c = new Constraints(null, null, new Atmosphere("H2/Ar", 2.0, null), null, null);
        Workflow w = workflow("LiFePO4", c, dispense("d1", "s1", "FePO4", 1),
                heat("h1", "s1", "tube-furnace-1", "alumina", new Atmosphere("H2/Ar", 4.0, null), HeatSegment.celsius(600, 5, 1)));
        assertThat(errorRules(gate.vet(w, lab))).containsExactly("Every heat step uses the goal's hydrogen fraction");
    }
}
