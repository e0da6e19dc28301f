package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the plan report says in sentences (understanding, notes, reasons) reads as words and rounded numbers. */
class PlanWordingTest {

    private static final OfflinePlanner PLANNER = Planners.offline();
    /** A float's noise: more decimals than any lab value has ("0.3333333333333333", "4.308000000001"). */
    private static final Pattern FLOAT_NOISE = Pattern.compile("\\d\\.\\d{7,}");

    @Test
    void equalMassesOfNamedMaterialsAreRounded() {
        assertThat(PLANNER.plan("Mix BaCO3, TiO2 and ZnO and heat to 900 °C.").notes())
                .contains("equal masses of the named materials, 0.333 g each");
        assertThat(PLANNER.plan("Mix 2 g of ZnO, MgO and TiO2 and heat to 1000 °C.").notes())
                .contains("equal masses of the named materials, 0.667 g each");
        assertThat(PLANNER.plan("Mix 1 g of MgO, Al2O3, SiO2, CaO, ZnO, TiO2 and CuO, then heat to 900 °C.").notes())
                .contains("equal masses of the named materials, 0.143 g each");
    }

    @Test
    void aSplitIntoBatchesStatesThePowderMassRounded() {
        assertThat(PLANNER.plan("make 100 g of SrTiO3").notes()).contains("124 g of powder exceeds one crucible (15 g); split into 9 batches");
        assertThat(PLANNER.plan("make 30 g of ZnO at 900 °C").notes()).contains("30 g of powder exceeds one crucible (15 g); split into 2 batches");
    }

    @Test
    void aRevisionNamesTheGateRulesAsASentenceNotAList() {
        assertThat(PLANNER.plan("Make 1 g of MgO and heat it at 30 K/min to 1000 °C.").notes())
                .contains("ramp lowered from 30 to 10 °C/min (gate: A furnace ramps no faster than its rated ramp rate)");
        assertThat(PLANNER.plan("Make 1 g of MgO and heat it at 50 °F/min to 1000 °C.").notes())
                .contains("ramp lowered from 27.8 to 10 °C/min (gate: A furnace ramps no faster than its rated ramp rate)");
    }

    @Test
    void theUnderstoodExcessAndHydrogenReadAsWords() {
        String report = PlanReport.readable(PLANNER.plan("Make 2 g of Li2TiO3 with 10 % excess Li and 3 % excess Ti below 850 °C."));
        assertThat(report).contains("excess:             10 % Li, 3 % Ti");
        assertThat(PlanReport.readable(PLANNER.plan("make 1 g of LiFePO4 in 3 % H2/Ar at 700 °C")))
                .contains("atmosphere:         H2/Ar (3 % H2)");
    }

    @Test
    void whatTheGoalRulesOutAndItsXrdRangeAndLaserAreShownAsUnderstood() {
        String report = PlanReport.readable(PLANNER.plan("make 1 g ZnAl2O4 using Al(OH)3 rather than Al2O3, without nitrates, "
                + "XRD 2θ 15-85°, Raman with the 785 nm laser at 50 mW"));
        assertThat(report).contains("starting materials: Al(OH)3\n").contains("ruled out:          nitrate, Al2O3\n")
                .contains("XRD range:          2θ 15°–85°\n").contains("Raman laser:        785 nm, 50 mW\n");
        assertThat(PlanReport.readable(PLANNER.plan("make 1 g of ZnAl2O4, XRD"))).doesNotContain("ruled out", "XRD range", "Raman laser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mix potassium nitrate, sulfur and charcoal and heat to 400 °C.", "Melt alumina at 2100 °C and measure XRD.",
            "Sinter alumina at 1750 °C in a box furnace.", "make 250 g of BaTiO3", "Make 1 g of CuO at 700 °C under pure hydrogen.",
            "Make 0.7 g of LiCoO2 with 7 % excess Li at 1900 K, XRD and Raman at 785 nm"})
    void noSentenceOfAReportHoldsAJavaListOrFloatNoise(String goal) {
        String report = PlanReport.readable(PLANNER.plan(goal));
        String prose = report.replaceAll("\\[S\\d+-[a-z0-9-]+\\]", ""); // a gate finding names its step so: "error ... [S1-heat]: ..."
        assertThat(prose).doesNotContain("[", "]", "{", "}");
        assertThat(FLOAT_NOISE.matcher(report).find()).as(report).isFalse();
    }
}
