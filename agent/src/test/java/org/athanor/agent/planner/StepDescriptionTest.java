package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepDescriptionTest {

    private static Step step(Action action, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], WorkflowJson.mapper().convertValue(namesAndValues[i + 1], Object.class));
        }
        return new Step("S1-x", action, "somewhere-1", "S1", List.of(), params);
    }

    private static Map<String, Object> q(double value, String unit) {
        return Map.of("value", value, "unit", unit);
    }

    @Test
    void aMixStepReadsAsMethodAndDurationWhicheverOrderItsParametersCameIn() {
        assertThat(StepDescription.of(step(Action.MIX, "duration", q(30.0, "min"), "method", "ball-mill"))).isEqualTo("ball-mill 30 min");
        assertThat(StepDescription.of(step(Action.MIX, "method", "mortar", "duration", q(12.5, "min")))).isEqualTo("mortar 12.5 min");
        assertThat(StepDescription.of(step(Action.MIX, "duration", q(2, "h")))).isEqualTo("2 h");
    }

    @Test
    void anAnalyzeStepNamesItsMethodsAndTarget() {
        assertThat(StepDescription.of(step(Action.ANALYZE, "methods", List.of("xrd"), "target", "BaTiO3"))).isEqualTo("xrd; target BaTiO3");
        assertThat(StepDescription.of(step(Action.ANALYZE, "target", "ZnAl2O4", "methods", List.of("xrd", "raman"))))
                .isEqualTo("xrd and raman; target ZnAl2O4");
    }

    @Test
    void computedNumbersLoseTheirFloatNoise() {
        assertThat(StepDescription.of(step(Action.DISPENSE, "material", "Li2CO3", "mass", q(4.308000000001, "g")))).isEqualTo("Li2CO3 4.308 g");
        assertThat(StepDescription.of(step(Action.DISPENSE, "mass", q(0.8462, "g"), "material", "BaCO3"))).isEqualTo("BaCO3 0.8462 g");
    }

    @Test
    void aHeatStepReadsAsTheFurnaceProgramThenItsVessel() {
        Step heat = step(Action.HEAT,
                "profile", List.of(Map.of("temperature", q(1150, "°C"), "rampRate", q(5, "°C/min"), "hold", q(12, "h")),
                        Map.of("temperature", q(25, "°C"), "rampRate", q(2.5, "°C/min"), "hold", q(0, "h"))),
                "crucible", "alumina", "atmosphere", Map.of("gas", "H2/Ar", "h2Percent", 3.0));
        assertThat(StepDescription.of(heat)).isEqualTo("1150 °C at 5 °C/min, hold 12 h; cool to 25 °C at 2.5 °C/min; H2/Ar (3 % H2), alumina crucible");
    }

    @Test
    void scansNameTheirRangeStepAndTimes() {
        assertThat(StepDescription.of(step(Action.XRD, "twoThetaStart", q(10, "deg"), "twoThetaEnd", q(80, "deg"),
                "stepSize", q(0.02, "deg"), "countTime", q(1, "s")))).isEqualTo("2θ 10–80°, step 0.02°, 1 s per step");
        assertThat(StepDescription.of(step(Action.RAMAN, "laserWavelength", q(785, "nm"), "laserPower", q(30, "mW"),
                "rangeStart", q(100, "cm-1"), "rangeEnd", q(1200, "cm-1"), "exposure", q(10, "s")))).isEqualTo("785 nm at 30 mW, 100–1200 cm-1, 10 s");
    }

    @Test
    void parametersOfNoKnownMeaningFollowByNameInWords() {
        Step wait = step(Action.WAIT, "reason", "cooling", "duration", q(1.23456789, "h"), "samples", List.of("S1", "S2"),
                "extra", Map.of("b", 2, "a", 1.5));
        assertThat(StepDescription.of(wait)).isEqualTo("duration 1.23457 h; extra a 1.5, b 2; reason cooling; samples S1, S2");
        assertThat(StepDescription.of(step(Action.TRANSFER, "to", "xrd-1", "from", "box-furnace-1", "note", "gently")))
                .isEqualTo("box-furnace-1 -> xrd-1; note gently");
    }

    @ParameterizedTest
    @ValueSource(strings = {"make 2 g of SrTiO3, XRD and Raman", "make 3 batches of 2 g ZnO, ball-mill for 45 min",
            "make 1 g of LiFePO4 in 3 % H2/Ar at 700 °C, XRD", "Prepare 1 g of CoFe2O4 under air at 1000 °C, then Raman"})
    void aPrintedPlanShowsNoJavaMapsOrLists(String goal) {
        String report = PlanReport.readable(Planners.offline().plan(goal));
        String steps = report.substring(report.indexOf("Steps:")).split("\n(?=\\S)")[0];
        assertThat(steps).contains("-mix", "ball-mill");
        assertThat(steps).doesNotContain("{", "}", "[", "]", "=");
        assertThat(report).isEqualTo(PlanReport.readable(Planners.offline().plan(goal)));
    }
}
