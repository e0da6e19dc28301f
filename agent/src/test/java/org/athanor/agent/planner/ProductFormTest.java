package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A product form that a powder firing cannot give (a glass, a film, a single crystal...) is refused, saying why. */
class ProductFormTest {

    private static final OfflinePlanner PLANNER = Planners.offline();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "make 10 g soda-lime glass|\"glass\": a glass is made by melting the batch and quenching the melt",
            "Make a thin film of BaTiO3 on Si, confirm by XRD|\"thin film\": a film or coating is deposited on a substrate",
            "grow a single crystal of Al2O3|\"single crystal\": a single crystal is grown from a melt, a flux or the vapour",
            "make 1 g of ZnO nanoparticles|\"nanoparticles\": nanoparticles, -wires and -sheets come from wet-chemical or vapour routes",
            "make 2 g of alumina fibres|\"fibres\": fibres are drawn from a melt or spun"})
    void aFormThePowderRouteCannotGiveIsRefusedNamingTheRouteItNeeds(String goal, String why) {
        PlanResult r = PLANNER.plan(goal);

        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.workflow()).isNull();
        assertThat(r.reason()).contains(why).contains("Ask for the compound as a powder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"make 2 g of MgAl2O4 powder, confirm by XRD", "make 1 g of Na2SiO3 from soda and quartz",
            "Make 1 g of ZnO, XRD and Raman"})
    void aPowderIsPlannedAsBefore(String goal) {
        PlanResult r = PLANNER.plan(goal);

        assertThat(r.approved()).as(r.reason()).isTrue();
    }
}
