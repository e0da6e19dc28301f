package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bismuth and lead compounds are fired below their oxides' melting and volatilisation (Bi2O3 melts at 817 °C, PbO
 * gives off vapour above ~800 °C), and a firing above a precursor's melting point says so.
 */
class MeltingPrecursorTest {

    private static final OfflinePlanner PLANNER = Planners.offline();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"make 2 g of BiFeO3, XRD|800", "Prepare 1 g of Bi4Ti3O12 and check it by XRD|800",
            "make 1 g PbTiO3, XRD|750"})
    void bismuthAndLeadCompoundsAreFiredBelowTheirOxidesMeltAndVapour(String goal, double celsius) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.workflow()).as(r.reason()).isNotNull();
        assertThat(firstTemperature(r)).isEqualTo(celsius);
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("melts at"));
        assertThat(r.violations()).as("PbO below its volatilisation needs no operator's approval")
                .noneSatisfy(v -> assertThat(v.message()).contains("toxic vapour"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "make 1 g of Bi2Ti2O7 at 1000 °C|Bi2O3 melts at 817 °C, below the firing at 1000 °C|Bi",
            "make 1 g of Li3VO4, XRD|V2O5 melts at 681 °C, below the firing at 800 °C|V",
            "make 2 g of BiFeO3 at 1173 K|Bi2O3 melts at 817 °C, below the firing at 899.85 °C|Bi"})
    void aPrecursorThatMeltsBelowTheFiringIsNamedWithWhatTheBatchMayLose(String goal, String note, String element) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.workflow()).as(r.reason()).isNotNull();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith(note).contains("may lose " + element + " by evaporation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"make 2 g of BaTiO3, XRD", "make 1 g of Li4Ti5O12, XRD", "make 1 g of Na2SiO3 from soda and quartz",
            "make 2 g of BiFeO3 below 810 °C"})
    void carbonatesThatGiveOffTheirGasAndFiringsBelowTheMeltAreNotNamed(String goal) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.workflow()).as(r.reason()).isNotNull();
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("melts at"));
    }

    private static double firstTemperature(PlanResult r) {
        HeatSegment s = r.workflow().stepsOf(Action.HEAT).get(0).profile().get(0);
        return s.temperature().celsius();
    }
}
