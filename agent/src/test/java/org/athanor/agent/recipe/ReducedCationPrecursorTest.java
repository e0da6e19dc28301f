package org.athanor.agent.planner.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.athanor.materials.Composition;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reduced cation needs a precursor already in that state: an inert gas cannot turn Fe³⁺ into Fe²⁺. Carbon's state
 * depends on its anion, so an oxalate's iron is read as Fe²⁺, not Fe⁰ (every carbon at +4, as in a carbonate).
 */
class ReducedCationPrecursorTest {

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource({
            "FeC2O4·2H2O, Fe, 2",
            "FeC2O4, Fe, 2",
            "MnC2O4·2H2O, Mn, 2",
            "FeCO3, Fe, 2",
            "MnCO3, Mn, 2",
            "Fe2O3, Fe, 3",
            "Mn(CH3COO)2·4H2O, Mn, 2",
            "Co(CH3COO)2, Co, 2",
            "Ni(HCOO)2·2H2O, Ni, 2",
    })
    void theCationsStateFollowsTheAnionItCameWith(String formula, String element, double state) {
        Map<String, Double> composition = Composition.parse(formula).asMap();
        assertThat(Redox.averageState(formula, composition, element).orElseThrow()).isCloseTo(state, offset(1e-9));
    }

    @Test
    void lithiumIronPhosphateUnderArgonIsPlannedFromTheIronTwoOxalateNotHematite() {
        for (String goal : List.of("Make 1 g of LiFePO4 under argon, XRD", "Make LFP cathode powder under nitrogen, XRD")) {
            PlanResult plan = Planners.offline().plan(goal);
            assertThat(plan.approved()).as(goal).isTrue();
            List<String> precursors = plan.workflow().stepsOf(Action.DISPENSE).stream().map(Step::material)
                    .map(m -> m.orElseThrow()).toList();
            assertThat(precursors).as(goal).noneMatch(p -> p.equals("Fe2O3") || p.equals("Fe3O4"))
                    .anyMatch(p -> p.startsWith("FeC2O4"));
        }
    }

    @Test
    void withTheIronTwoPrecursorsRuledOutAnInertGasPlanIsRefusedNotMadeFromHematite() {
        // Before: Fe2O3 was picked (a soft preference only), and under Ar its Fe3+ never becomes LiFePO4's Fe2+.
        PlanResult plan = Planners.offline().plan("Make 500 mg of LiFePO4 under nitrogen without oxalates, XRD");
        assertThat(plan.approved()).as("a plan that cannot give the target").isFalse();
        assertThat(plan.reason()).contains("Fe2O3 would, but its Fe is more oxidised than the target's")
                .contains("inert gas cannot reduce it");
    }

    @Test
    void aHydrogenMixtureLetsTheChooserTakeAMoreOxidisedPrecursor() {
        PlanResult plan = Planners.offline().plan("Make 500 mg of LiFePO4 under 2 % H2/Ar without oxalates, XRD");
        List<String> precursors = plan.workflow() == null ? List.of() : plan.workflow().stepsOf(Action.DISPENSE).stream()
                .map(st -> st.material().orElseThrow()).toList();
        assertThat(precursors).as(plan.verdict() + ": " + plan.reason()).contains("Fe2O3");
    }

    @Test
    void aNamedAnhydrousPrecursorIsTakenAsTheStockedHydrateWithANote() {
        PlanResult plan = Planners.offline().plan("Make 1 g of LiFePO4 from FeC2O4 under argon, XRD");
        assertThat(plan.approved()).as(plan.reason()).isTrue();
        var dispensed = plan.workflow().stepsOf(Action.DISPENSE).stream().map(s -> s.material().orElseThrow() + " " + s.quantity("mass").orElseThrow().grams()).toList();
        // 1 g LiFePO4 (157.76 g/mol) needs 6.339 mmol Fe: 1.140 g FeC2O4·2H2O (179.89 g/mol), not 0.912 g FeC2O4.
        assertThat(dispensed).anySatisfy(d -> assertThat(d).startsWith("FeC2O4·2H2O 1.14"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("FeC2O4 is stocked as FeC2O4·2H2O"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"FeC2O4 | FeC2O4·2H2O | true", "Li2CO3 | LiOH·H2O | false", "MgO | Mg(OH)2 | true", "MgO | MgCO3 | false", "TiO2 | TiO2 | false"})
    void onlyWaterOfCrystallisationMakesTwoFormsOfOnePrecursor(String a, String b, boolean water) {
        assertThat(PrecursorChooser.differsByWater(Composition.parse(a).asMap(), Composition.parse(b).asMap())).isEqualTo(water);
    }
}
