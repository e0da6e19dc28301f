package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.agent.planner.recipe.SynthesisPlan;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How much one goal may ask for: masses that need more batches than a goal is planned in, or less than a dose. */
class ProductMassLimitsTest {

    private static final OfflinePlanner PLANNER = Planners.offline();
    private static final Pattern LARGEST = Pattern.compile("Ask for ([0-9.]+) g or less");
    private static final Pattern LEAST = Pattern.compile("Ask for ([0-9.]+) (mg|g) or more");

    @Test
    void twoKilogramsOfBariumTitanateAreRefusedWithWhatOneBatchGivesAndTheLargestMassPlanned() {
        PlanResult r = PLANNER.plan("make 2 kg of phase-pure BaTiO3, confirm by XRD");
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.workflow()).isNull();
        assertThat(r.reason()).isEqualTo("2 kg of BaTiO3 needs 159 batches: one crucible in this lab holds 15 g of powder, which gives "
                + "12.6 g of BaTiO3; the planner plans at most 20 batches (252 g) per goal. Ask for 252 g or less, and repeat the run for more");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"make 2 kg of phase-pure BaTiO3, confirm by XRD|make MASS g of phase-pure BaTiO3, confirm by XRD",
            "Synthesize 1.5 kg of SrTiO3 below 1200 °C|Synthesize MASS g of SrTiO3 below 1200 °C",
            "make 900 g of gahnite, XRD|make MASS g of gahnite, XRD", "make 0.4 kg of ZnO at 900 °C|make MASS g of ZnO at 900 °C",
            "Prepare 1 kg of LiCoO2 with 5 % excess Li in triplicate|Prepare MASS g of LiCoO2 with 5 % excess Li in triplicate",
            "Mix 700 g of MgO and Al2O3 and heat to 1400 °C.|Mix MASS g of MgO and Al2O3 and heat to 1400 °C."})
    void theLargestMassARefusalNamesIsPlannedAndALittleMoreIsNot(String tooMuch, String template) {
        PlanResult refused = PLANNER.plan(tooMuch);
        assertThat(refused.verdict()).as(refused.reason()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(refused.reason()).contains("per goal", "one crucible in this lab holds 15 g of powder");
        Matcher m = LARGEST.matcher(refused.reason());
        assertThat(m.find()).as(refused.reason()).isTrue();
        double largest = Double.parseDouble(m.group(1));

        PlanResult planned = PLANNER.plan(template.replace("MASS", m.group(1)));
        assertThat(planned.workflow()).as(planned.reason()).isNotNull();
        assertThat(planned.workflow().stepsOf(Action.HEAT)).hasSizeBetween(SynthesisPlan.MAX_BATCHES - 1, SynthesisPlan.MAX_BATCHES);
        PlanResult more = PLANNER.plan(template.replace("MASS", Double.toString(largest * 1.02)));
        assertThat(more.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(more.reason()).contains("Ask for " + m.group(1) + " g or less");
    }

    @Test
    void massesThatFitAreSplitIntoCruciblesAsBefore() {
        assertThat(PLANNER.plan("make 100 g of SrTiO3").workflow().stepsOf(Action.HEAT)).hasSize(9);
        assertThat(PLANNER.plan("make 10 g of BaTiO3, XRD").workflow().stepsOf(Action.HEAT)).hasSize(1);
        assertThat(PLANNER.plan("make 20 g of BaTiO3, XRD").workflow().stepsOf(Action.HEAT)).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "make 0 g of BaTiO3|the goal asks for 0 g of product; a mass to make must be more than 0 g",
            "make -3 g of BaTiO3|the goal asks for -3 g of product; a mass to make must be more than 0 g",
            "Make −0.5 kg of ZnO at 900 °C.|the goal asks for -0.5 kg of product",
            "make 1e30 g of BaTiO3|1e30 g of BaTiO3 needs 7.92e28 batches",
            "make 2.5E6 mg of MgO at 1000 °C|2500000 mg of MgO needs",
            "make 2 tonnes of BaTiO3|2 t of BaTiO3 needs 158497 batches",
            "make 1e999 g of BaTiO3|1e999 g (too large a number)",
            "make 5 mg of BaTiO3|5 mg of BaTiO3 needs 1.7 mg of TiO2, less than the dispenser's smallest dose of 5 mg. Ask for 15 mg or more",
            "make 5 µg of SrTiO3|less than the dispenser's smallest dose of 5 mg",
            "make 1 g of ZnO in 25 batches|the goal asks for 25 batches; the planner plans at most 20 batches per goal",
            "make 1 g of ZnO in 0 batches|0 batches (no batch to make)",
            "make 1 g of ZnO in 99999999999 batches|more batches than a plan can count"})
    void anAbsurdAmountIsRefusedInWords(String goal, String reason) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains(reason);
        assertThat(PlanReport.readable(r)).contains("Reason: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"make 14 mg of BaTiO3", "make 30 mg of LiCoO2 in triplicate", "make 4 mg of ZnO at 900 °C"})
    void theLeastMassARefusalNamesIsPlanned(String goal) {
        PlanResult refused = PLANNER.plan(goal);
        Matcher m = LEAST.matcher(refused.reason());
        assertThat(m.find()).as(refused.reason()).isTrue();
        PlanResult planned = PLANNER.plan(goal.replaceFirst("\\d+ mg", m.group(1) + " " + m.group(2)));
        assertThat(planned.workflow()).as(planned.reason()).isNotNull();
    }
}
