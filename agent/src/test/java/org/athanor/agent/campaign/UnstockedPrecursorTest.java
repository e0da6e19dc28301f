package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.athanor.agent.planner.Planners;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

class UnstockedPrecursorTest {

    private static Workflow plan(String goal) {
        var result = Planners.offline().plan(goal);
        assertThat(result.approved()).as("planned: %s", goal).isTrue();
        return result.workflow();
    }

    @Test
    void aPlanNeedingAPrecursorTheSimulatedLabLacksIsNamedWithWhatItStocks() {
        Workflow cobalt = plan("make 2 g of CoAl2O4, confirm by XRD");
        assertThat(CampaignRunner.unstocked(cobalt, Set.of("Al2O3", "ZnO")))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the simulated lab does not stock Co3O4")
                        .contains("CoAl2O4").contains("it stocks Al2O3, ZnO").doesNotContain("does not stock Co3O4, Al2O3"));
    }

    @Test
    void aPlanWhosePrecursorsAreAllStockedRuns() {
        assertThat(CampaignRunner.unstocked(plan("make 1 g of MgAl2O4, confirm by XRD"), Set.of("MgO", "Al2O3", "BaCO3"))).isEmpty();
    }

    @Test
    void aDryRunWhoseWorldHasNoChemistryForThePrecursorsSaysItCannotReachTheTarget() {
        assertThat(CampaignRunner.unmodelled(plan("make 2 g of SrTiO3, XRD")))
                .hasValueSatisfying(n -> assertThat(n).startsWith("the simulated lab has no chemistry for SrCO3 + TiO2: they stay unreacted")
                        .contains("cannot reach the target").contains("BaTiO3").contains("MgAl2O4"));
    }

    @Test
    void aDryRunWhoseWorldMakesAnotherProductFromThePrecursorsNamesIt() {
        assertThat(CampaignRunner.unmodelled(plan("make 1 g of Li4Ti5O12, XRD")))
                .hasValueSatisfying(n -> assertThat(n).startsWith("the simulated lab turns Li2CO3 + TiO2 into Li2TiO3, not Li4Ti5O12"));
    }

    @Test
    void aDryRunTheWorldCanMakeHasNoSuchNote() {
        for (String goal : new String[] {"make 2 g of BaTiO3, XRD", "Make 1 g of LiFePO4 under argon, XRD", "make 1 g of gahnite"}) {
            assertThat(CampaignRunner.unmodelled(plan(goal))).as(goal).isEmpty();
        }
    }
}
