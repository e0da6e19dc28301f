package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A goal that names nothing to make is refused for that first, saying how a target may be written. */
class GoalWithoutTargetTest {

    private static final OfflinePlanner PLANNER = Planners.offline();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"42|(it also states \"42\", which the planner could not read)",
            "make something nice at 900 °C|no target substance could be read from the goal.",
            "please fire 3 crucibles of 7|(it also states"})
    void aGoalWithoutATargetIsRefusedForItFirst(String goal, String detail) {
        PlanResult r = PLANNER.plan(goal);

        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).startsWith("no target substance could be read from the goal").contains(detail)
                .contains("Name the compound to make");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mix 1 g of ZnO and 1 g of Al2O3 and heat at 1200 °C", "make 1 g of ZnAl2O4"})
    void aTargetOrNamedStartingMaterialsAreEnough(String goal) {
        PlanResult r = PLANNER.plan(goal);

        assertThat(r.reason() == null ? "" : r.reason()).doesNotContain("no target substance");
    }
}
