package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Masses a goal gives for its starting materials are dosed as given; the product follows from the limiting one. */
class StartingMassesTest {

    private static final OfflinePlanner PLANNER = Planners.offline();
    // Molar masses (IUPAC 2021 standard atomic weights): SrCO3 147.63, TiO2 79.866, SrTiO3 183.49, ZnO 81.38, Al2O3 101.96.
    private static final double SRCO3 = 147.63;
    private static final double TIO2 = 79.866;
    private static final double SRTIO3 = 183.49;

    @Test
    void everyGivenMassIsDosedAsGivenAndTheLimitingOneSetsTheProduct() {
        PlanResult r = PLANNER.plan("Prepare SrTiO3 from 1.50 g of SrCO3 and 0.85 g of TiO2, XRD");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.understood().startingMasses()).containsOnlyKeys("SrCO3", "TiO2");
        assertThat(doses(r)).containsEntry("SrCO3", 1.50).containsEntry("TiO2", 0.85);
        double product = 1.50 / SRCO3 * SRTIO3; // SrCO3 is used up first: 10.16 mmol against TiO2's 10.64 mmol
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("product mass from the starting masses: "
                + String.format(java.util.Locale.ROOT, "%.4g", product)).contains("SrCO3 is used up first"));
        assertThat(r.notes()).as("TiO2 is 4.7 % over").anySatisfy(n -> assertThat(n).startsWith("TiO2: 0.85 g given, ")
                .contains("% over").contains("expect TiO2 left over by XRD"));
        assertThat(r.workflow().target().mass().grams()).isCloseTo(product, within(1e-3));
    }

    @Test
    void aPrecursorWithoutAGivenMassIsDosedForTheProductTheGivenOnesMake() {
        PlanResult r = PLANNER.plan("make SrTiO3 from SrCO3 (2.000 g) and TiO2 at 1100 °C");
        assertThat(r.approved()).as(r.reason()).isTrue();
        Map<String, Double> doses = doses(r);
        assertThat(doses.get("SrCO3")).isEqualTo(2.0);
        assertThat(doses.get("TiO2")).isCloseTo(2.0 / SRCO3 * TIO2, within(1e-3));
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("% over"));
    }

    @Test
    void aProductMassThatTheStartingMassesCannotMakeIsRefusedWithBothFigures() {
        PlanResult r = PLANNER.plan("make 3 g of SrTiO3 from 1.5 g SrCO3 and 0.85 g TiO2");
        assertThat(r.approved()).isFalse();
        assertThat(r.reason()).contains("asks for 3 g of SrTiO3", "make 1.864 g", "SrCO3 is used up first");
    }

    @Test
    void aProductMassThatAgreesWithTheStartingMassesIsKept() {
        PlanResult r = PLANNER.plan("make 1.87 g of SrTiO3 from 1.5 g SrCO3 and 0.82 g TiO2");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(doses(r)).containsEntry("SrCO3", 1.5).containsEntry("TiO2", 0.82);
    }

    @Test
    void aMixtureIsDosedAsGivenAndEveryMaterialNeedsAMass() {
        PlanResult r = PLANNER.plan("Mix 0.4 g of MgO and 1.2 g of Al2O3 and fire at 1300 °C");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(doses(r)).containsEntry("MgO", 0.4).containsEntry("Al2O3", 1.2);
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("equal masses"));

        PlanResult half = PLANNER.plan("Mix MgO and 0.4 g of Al2O3 and fire at 1300 °C");
        assertThat(half.approved()).isFalse();
        assertThat(half.reason()).isEqualTo("the goal gives masses for Al2O3 but not for MgO: give a mass for every starting material, "
                + "or only the mass of the mixture");
    }

    @Test
    void oneMassBeforeAListOfMaterialsIsTheMixtures() {
        PlanResult r = PLANNER.plan("Mix 1.2 g of MgO and Al2O3 and fire at 1300 °C");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.understood().startingMasses()).isEmpty();
        assertThat(doses(r)).containsEntry("MgO", 0.6).containsEntry("Al2O3", 0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"make 2 g of BaTiO3 from BaCO3 and TiO2, XRD", "make 2 g of BaTiO3, 2 g, XRD"})
    void aMassNotWrittenAgainstAMaterialIsTheProducts(String goal) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.understood().startingMasses()).isEmpty();
        assertThat(r.understood().productMass().grams()).isEqualTo(2.0);
    }

    @Test
    void aSecondDifferentProductMassIsStillNotUnderstood() {
        PlanResult r = PLANNER.plan("make 2 g of BaTiO3 from BaCO3 and TiO2, then 3 g");
        assertThat(r.approved()).isFalse();
        assertThat(r.understood().unparsed()).anySatisfy(u -> assertThat(u).startsWith("3 g (a second mass"));
    }

    private static Map<String, Double> doses(PlanResult r) {
        List<Step> dispense = r.workflow().stepsOf(Action.DISPENSE);
        return dispense.stream().collect(java.util.stream.Collectors.toMap(s -> s.material().orElseThrow(),
                s -> s.quantity("mass").orElseThrow().grams(), Double::sum));
    }
}
