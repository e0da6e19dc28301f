package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** A safe, ordinary workflow per chemistry passes with no error (warnings allowed where the chemistry earns them). */
class BaselineWorkflowsTest {

    private final Gate gate = gate();
    private final LabState lab = LabState.defaultSimulatedLab();

    private Verdict approved(Workflow w) {
        Verdict v = gate.vet(w, lab);
        assertThat(v.errors()).as("errors for %s", w.id()).isEmpty();
        assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
        assertThat(v.approvalTokens()).hasSize(w.steps().size());
        return v;
    }

    @Test
    void bariumTitanateInAirIsApprovedWithoutViolations() {
        Verdict v = approved(solidState("BaTiO3", heatAir("heat", "s1", 1150), "BaCO3", "1.69", "TiO2", "0.68"));
        assertThat(v.violations()).isEmpty();
        assertThat(v.approvalTokens()).containsOnlyKeys("d1", "d2", "mix", "heat", "xrd");
    }

    @Test
    void strontiumTitanateInAirIsApproved() {
        assertThat(approved(solidState("SrTiO3", heatAir("heat", "s1", 1200), "SrCO3", "1.47", "TiO2", "0.80")).violations()).isEmpty();
    }

    @Test
    void magnesiumAluminateSpinelInTheTubeFurnaceAt1450CIsApproved() {
        approved(solidState("MgAl2O4", heat("heat", "s1", "tube-furnace-1", "alumina", Atmosphere.AIR,
                HeatSegment.celsius(1450, 5, 10)), "MgO", "0.40", "Al2O3", "1.02"));
    }

    @Test
    void lithiumIronPhosphateUnderArgonWithOxalateIsApproved() {
        Verdict v = approved(solidState("LiFePO4", heat("heat", "s1", "tube-furnace-1", "alumina", Atmosphere.of("Ar"),
                HeatSegment.celsius(700, 5, 10)), "Li2CO3", "0.37", "FeC2O4·2H2O", "1.80", "NH4H2PO4", "1.15"));
        assertThat(rules(v)).contains("Lithium compounds attack alumina crucibles above 600 °C");
    }

    @Test
    void lithiumIronPhosphateUnderNitrogenWithCarbonIsApproved() {
        approved(solidState("LiFePO4", heat("heat", "s1", "tube-furnace-1", "alumina", Atmosphere.of("N2"),
                HeatSegment.celsius(650, 5, 8)), "Li2CO3", "0.37", "FePO4", "1.51", "C", "0.05"));
    }

    @Test
    void lithiumIronPhosphateUnderThreePercentHydrogenIsApproved() {
        approved(solidState("LiFePO4", heat("heat", "s1", "tube-furnace-1", "alumina", new Atmosphere("H2/Ar", 3.0, null),
                HeatSegment.celsius(700, 5, 8)), "Li2CO3", "0.37", "FePO4", "1.51"));
    }

    @Test
    void lithiumManganateInAirIsApprovedWithACrucibleWarning() {
        Verdict v = approved(solidState("LiMn2O4", heatAir("heat", "s1", 800), "Li2CO3", "0.41", "MnO2", "1.93"));
        assertThat(v.warnings()).extracting(Violation::rule).containsExactly("Lithium compounds attack alumina crucibles above 600 °C");
    }

    @Test
    void zincOxideAnnealIsApproved() {
        assertThat(approved(solidState("ZnO", heatAir("heat", "s1", 900), "ZnO", "2.0")).violations()).isEmpty();
    }

    @Test
    void calciumTitanateAndBismuthFerriteAreApproved() {
        approved(solidState("CaTiO3", heatAir("heat", "s1", 1100), "CaCO3", "1.47", "TiO2", "1.17"));
        approved(solidState("BiFeO3", heatAir("heat", "s1", 820), "Bi2O3", "1.49", "Fe2O3", "0.51"));
    }

    @Test
    void yttriaStabilisedZirconiaInZirconiaCrucibleAt1500CIsApproved() {
        approved(solidState("Y0.08Zr0.92O1.96", heat("heat", "s1", "tube-furnace-1", "zirconia", Atmosphere.AIR,
                HeatSegment.celsius(1500, 5, 4)), "ZrO2", "1.80", "Y2O3", "0.14"));
    }

    @Test
    void multiSegmentProgramWithTwoSamplesInOneBoxFurnaceIsApproved() {
        Workflow w = workflow("La0.8Sr0.2MnO3",
                dispense("a1", "s1", "La2O3", 1.2), dispense("a2", "s1", "SrCO3", 0.27), dispense("a3", "s1", "MnCO3", 1.05),
                dispense("b1", "s2", "La2O3", 1.2), dispense("b2", "s2", "SrCO3", 0.27), dispense("b3", "s2", "MnCO3", 1.05),
                mix("m1", "s1", 30), mix("m2", "s2", 30),
                heat("h1", "s1", "box-furnace-1", "alumina", Atmosphere.AIR, HeatSegment.celsius(600, 5, 2), HeatSegment.celsius(1100, 5, 10)),
                heat("h2", "s2", "box-furnace-1", "alumina", Atmosphere.AIR, HeatSegment.celsius(600, 5, 2), HeatSegment.celsius(1150, 5, 10)),
                xrd("x1", "s1", 10, 90), raman("r1", "s1", 532, 50));
        assertThat(approved(w).violations()).isEmpty();
    }
}
