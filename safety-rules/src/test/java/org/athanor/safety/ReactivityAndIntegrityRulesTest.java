package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chemical reactivity (RULES.md §4) and workflow integrity (§6). */
class ReactivityAndIntegrityRulesTest {

    private static final String OX_FUEL = "Oxidisers and fuels never share a sample";

    private final Gate gate = gate();
    /** Everything on the shelf, so the chemistry rules are tested apart from the inventory rule. */
    private final LabState lab = LabState.defaultSimulatedLab().withInventory(
            org.athanor.safety.hazard.MaterialHazardTable.standard().all().stream().map(h -> h.formula()).collect(java.util.stream.Collectors.toSet()));

    private Verdict mixOnly(String a, String b) {
        return gate.vet(workflow("X", dispense("d1", "s1", a, 1), dispense("d2", "s1", b, 1), mix("m", "s1", 10)), lab);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"KNO3, S", "KNO3, C", "KClO4, Al", "KClO3, S", "NaNO3, Mg", "KMnO4, C6H12O6", "NH4NO3, Zn", "K2Cr2O7, Fe",
        "Na2O2, C", "BaO2, Mg", "LiNO3, CH4N2O", "Sr(NO3)2, C6H8O7", "KClO4, Ti", "CrO3, C2H6O", "NaClO3, P", "KNO3, NaH"})
    void oxidiserAndFuelInOneSampleAreRejectedWithoutAnyHeating(String oxidiser, String fuel) {
        Verdict v = mixOnly(oxidiser, fuel);
        assertThat(errorRules(v)).contains(OX_FUEL);
        assertThat(v.errors()).filteredOn(e -> e.rule().equals(OX_FUEL)).first()
                .satisfies(e -> assertThat(e.step()).isEqualTo("d2"))
                .satisfies(e -> assertThat(e.message()).contains(oxidiser).contains(fuel));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"KNO3, TiO2", "LiNO3, Fe2O3", "Li2CO3, C", "MnO2, Li2CO3", "NH4H2PO4, FePO4", "Zn(NO3)2·6H2O, ZnO", "BaCO3, TiO2"})
    void compatiblePrecursorsMayShareASample(String a, String b) {
        assertThat(errorRules(mixOnly(a, b))).doesNotContain(OX_FUEL,
                "Water-reactive compounds never share a sample with a hydrate or hydroxide");
    }

    @Test
    void anOxidiserAndAFuelInDifferentSamplesAreFine() {
        Verdict v = gate.vet(workflow("X", dispense("d1", "s1", "KNO3", 1), dispense("d2", "s2", "S", 1)), lab);
        assertThat(v.errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"NaH, LiOH·H2O", "Li, Mg(OH)2", "CaH2, Zn(NO3)2·6H2O", "Na, Al(OH)3", "CaC2, FeSO4·7H2O", "Li3N, NaOH",
        "LiAlH4, CuSO4·5H2O", "Na2O2, LiOH"})
    void waterReactiveWithAHydrateOrHydroxideIsRejected(String waterReactive, String wet) {
        assertThat(errorRules(mixOnly(waterReactive, wet))).contains("Water-reactive compounds never share a sample with a hydrate or hydroxide");
    }

    @ParameterizedTest(name = "{0} at {1} °C: rejected={2}")
    @CsvSource({"NH4NO3, 169, false", "NH4NO3, 170, false", "NH4NO3, 171, true", "NH4ClO4, 250, true",
        "(NH4)2Cr2O7, 181, true", "NaN3, 274, false", "NaN3, 276, true", "KNO3, 400, false"})
    void selfReactiveCompoundsAreNotHeatedPastTheirOnset(String material, double celsius, boolean rejected) {
        Workflow w = workflow("X", dispense("d1", "s1", material, 1),
                heat("h", "s1", "tube-furnace-1", "alumina", Atmosphere.of("N2"), HeatSegment.celsius(celsius, 2, 1)),
                approvalsFor(material));
        Verdict v = gate.vet(w.withExtension("approvals", List.of(Map.of("material", material, "by", "operator A"))), lab);
        assertThat(errorRules(v).contains("A self-reactive compound is never heated past its decomposition onset")).isEqualTo(rejected);
    }

    private static Step approvalsFor(String material) {
        return xrd("x", "s1", 10, 80);
    }

    @ParameterizedTest(name = "{0} at {1} °C")
    @CsvSource({"N3Na, 300", "ClH4NO4, 250", "H8N2Cr2O7, 200"})
    void aSelfReactiveCompoundMeetsItsOnsetHoweverItsFormulaIsWritten(String spelling, double celsius) {
        Workflow w = workflow("X", dispense("d1", "s1", spelling, 1),
                heat("h", "s1", "tube-furnace-1", "alumina", Atmosphere.of("N2"), HeatSegment.celsius(celsius, 2, 1)))
                .withExtension("approvals", List.of(Map.of("material", spelling, "by", "operator A")));
        assertThat(errorRules(gate.vet(w, lab))).contains("A self-reactive compound is never heated past its decomposition onset");
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"NKO3, S", "O4ClK, Al", "Cr2K2O7, Fe"})
    void anOxidiserWrittenInAnotherOrderIsStillAnOxidiser(String oxidiser, String fuel) {
        assertThat(errorRules(mixOnly(oxidiser, fuel))).contains(OX_FUEL);
    }

    @Test
    void aDichromateWrittenByCompositionStillNeedsAnOperatorApproval() {
        Workflow w = workflow("X", dispense("d1", "s1", "Cr2Na2O7", 1));
        assertThat(errorRules(gate.vet(w, lab))).contains("Acutely toxic and carcinogenic precursors need an operator's approval");
    }

    @Test
    void anOxidiserWithASelfReactiveCompoundIsRejected() {
        assertThat(errorRules(mixOnly("KClO4", "NH4NO3"))).contains("Oxidisers and self-reactive compounds never share a sample");
    }

    @ParameterizedTest(name = "{0} in box furnace")
    @CsvSource({"LiNO3, releases NOx", "Li2SO4, releases SO2/H2S", "ZnS, releases SO2/H2S", "LiF, releases HF"})
    void toxicOffGasIsAWarningInAFurnaceWithoutExhaust(String material, String gas) {
        Workflow box = solidState("X", heatAir("heat", "s1", 700), material, "1");
        Verdict v = gate.vet(box, lab);
        assertThat(v.warnings()).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo("Toxic off-gas is released only into a furnace with exhaust");
            assertThat(w.message()).contains(gas);
        });
        Workflow tube = solidState("X", heat("heat", "s1", "tube-furnace-1", "alumina", Atmosphere.AIR,
                HeatSegment.celsius(700, 5, 2)), material, "1");
        assertThat(rules(gate.vet(tube, lab))).doesNotContain("Toxic off-gas is released only into a furnace with exhaust");
    }

    @Test
    void carbonatesReleaseNoToxicOffGas() {
        assertThat(gate.vet(solidState("X", heatAir("heat", "s1", 900), "BaCO3", "1", "TiO2", "1"), lab).violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CdO", "BeO", "Tl2O3", "As2O3", "K2Cr2O7", "HgO", "NiO", "NaN3", "CdS", "Co(NO3)2·6H2O"})
    void acutelyToxicOrCarcinogenicPrecursorsNeedAnOperatorApproval(String material) {
        Workflow w = workflow("X", dispense("d1", "s1", material, 1));
        assertThat(errorRules(gate.vet(w, lab))).contains("Acutely toxic and carcinogenic precursors need an operator's approval");
        Verdict approved = gate.vet(w.withExtension("approvals", List.of(Map.of("material", material, "by", "Dr. Okafor"))), lab);
        assertThat(approved.errors()).isEmpty();
    }

    @Test
    void anApprovalForAnotherMaterialDoesNotCount() {
        Workflow w = workflow("X", dispense("d1", "s1", "CdO", 1))
                .withExtension("approvals", List.of(Map.of("material", "BeO", "by", "Dr. Okafor")));
        assertThat(errorRules(gate.vet(w, lab))).contains("Acutely toxic and carcinogenic precursors need an operator's approval");
    }

    @ParameterizedTest(name = "PbO at {0} °C: rejected={1}")
    @CsvSource({"799, false", "800, false", "801, true"})
    void leadOxideAbove800CNeedsAnOperatorApproval(double celsius, boolean rejected) {
        Workflow w = solidState("PbTiO3", heatAir("heat", "s1", celsius), "PbO", "1.5", "TiO2", "0.5");
        String rule = "A toxic precursor is heated past its volatilisation temperature only with an operator's approval";
        assertThat(errorRules(gate.vet(w, lab)).contains(rule)).isEqualTo(rejected);
        Workflow approved = w.withExtension("approvals", List.of(Map.of("material", "PbO", "by", "operator B")));
        assertThat(gate.vet(approved, lab).errors()).isEmpty();
    }

    @Test
    void anUnreadableFormulaIsRejected() {
        Verdict v = gate.vet(workflow("X", dispense("d1", "s1", "Xq2O3", 1)), lab.withInventory(Set.of("Xq2O3")));
        assertThat(errorRules(v)).containsExactly("A precursor is a formula the lab can read");
    }

    @Test
    void anUnknownInstrumentIsRejected() {
        Step s = step("d1", Action.DISPENSE, "dispenser-9", "s1", Map.of("material", "ZnO", "mass", q(1, "g")));
        assertThat(errorRules(gate.vet(workflow("ZnO", s), lab))).containsExactly("Every instrument a step names exists in the lab");
    }

    @Test
    void anInstrumentDoesOnlyWhatItIsBuiltFor() {
        Step heatOnXrd = heat("h", "s1", "xrd-1", "alumina", Atmosphere.AIR, HeatSegment.celsius(900, 5, 1));
        assertThat(errorRules(gate.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), heatOnXrd), lab)))
                .containsExactly("An instrument performs only the actions it is built for");
    }

    @Test
    void aStepOnASampleThatWasNeverFilledIsRejected() {
        Workflow w = workflow("ZnO", dispense("d1", "s1", "ZnO", 1), heatAir("h", "s2", 900));
        assertThat(errorRules(gate.vet(w, lab))).containsExactly("A step acts only on a sample that was filled before it");
    }

    @Test
    void aSampleFilledOnlyAfterItIsHeatedCountsAsNotFilled() {
        Workflow w = workflow("ZnO", heatAir("h", "s1", 900), dispense("d1", "s1", "ZnO", 1));
        assertThat(errorRules(gate.vet(w, lab))).contains("A step acts only on a sample that was filled before it");
    }

    @Test
    void aCycleInAfterIsRejected() {
        Workflow w = workflow("ZnO", after(dispense("d1", "s1", "ZnO", 1), "x"), after(mix("m", "s1", 5), "d1"),
                after(xrd("x", "s1", 10, 80), "m"));
        Verdict v = gate.vet(w, lab);
        assertThat(v.errors()).filteredOn(e -> e.rule().equals("Step dependencies form no cycle"))
                .extracting(Violation::step).containsExactlyInAnyOrder("d1", "m", "x");
    }

    @Test
    void waitingForAStepThatDoesNotExistIsRejected() {
        Workflow w = workflow("ZnO", dispense("d1", "s1", "ZnO", 1), after(mix("m", "s1", 5), "d1", "dispense-7"));
        assertThat(errorRules(gate.vet(w, lab))).containsExactly("A step waits only for steps that exist");
    }

    @Test
    void duplicateStepIdsAreRejected() {
        Workflow w = workflow("ZnO", dispense("d1", "s1", "ZnO", 1), dispense("d1", "s1", "ZnO", 1));
        assertThat(errorRules(gate.vet(w, lab))).containsExactly("Step ids are unique");
    }

    @Test
    void aHeatStepWithAnEmptyProfileIsRejected() {
        Step empty = heat("h", "s1", "box-furnace-1", "alumina", Atmosphere.AIR);
        assertThat(errorRules(gate.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), empty), lab)))
                .containsExactly("A heat step has a furnace program");
    }

    @Test
    void aMalformedParameterIsRejectedWithItsStep() {
        Step bad = step("h", Action.HEAT, "box-furnace-1", "s1", Map.of("profile", "hot", "atmosphere", Map.of("gas", "air"),
                "crucible", "alumina"));
        Verdict v = gate.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), bad), lab);
        assertThat(v.errors()).extracting(Violation::rule).containsExactly("Every part of the workflow can be read");
        assertThat(v.errors().get(0).step()).isEqualTo("h");
    }

    @Test
    void anUnknownCrucibleIsRejected() {
        Step h = heat("h", "s1", "box-furnace-1", "tungsten", Atmosphere.AIR, HeatSegment.celsius(900, 5, 1));
        assertThat(errorRules(gate.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), h), lab)))
                .containsExactly("Every crucible a heat step names is in the lab's crucible table");
    }

    @Test
    void aWorkflowBreakingSeveralRulesReportsEachOfThem() {
        Workflow w = workflow("X",
                dispense("d1", "s1", "KNO3", 25),
                dispense("d2", "s1", "S", 1),
                mix("m", "s1", 90),
                heat("h", "s1", "box-furnace-1", "quartz", new Atmosphere("H2/Ar", 10.0, null), segment(1500, "K", 20, "°C/min", 2)),
                xrd("x", "s1", 2, 150),
                raman("r", "s9", 633, 500));
        Verdict v = gate.vet(w, lab);
        assertThat(v.decision()).isEqualTo(Verdict.Decision.REJECTED);
        assertThat(errorRules(v)).contains(
                OX_FUEL, "The dispenser doses no more than its largest dose", "A mill runs no longer than its longest run",
                EnvelopeRulesTest.FURNACE_MAX, EnvelopeRulesTest.RAMP, "A crucible is heated no higher than its material allows",
                "Reducing gas never enters an air-only furnace", "Hydrogen stays within the furnace's rated H2 fraction",
                "A diffractometer scans only within its 2θ range", "The Raman spectrometer uses only its installed laser lines",
                "Raman laser power at the sample stays within the instrument's maximum",
                "A step acts only on a sample that was filled before it", "Powder in one crucible stays within the crucible's capacity");
        assertThat(v.approvalTokens()).isEmpty();
    }
}
