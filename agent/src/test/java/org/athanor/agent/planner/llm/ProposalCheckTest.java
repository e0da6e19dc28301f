package org.athanor.agent.planner.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.athanor.agent.planner.Planners;
import org.athanor.agent.planner.goal.GoalReader;
import org.athanor.agent.planner.goal.Understanding;
import org.junit.jupiter.api.Test;

class ProposalCheckTest {

    private final GoalReader reader = new GoalReader(Planners.chemistry());

    private static WorkflowProposal proposal(List<String> precursors, String crucible, double holdHours) {
        return new WorkflowProposal("SrTiO3", 1.0, precursors, "box-furnace-1", crucible, "air", null, 1200.0, 5.0, holdHours, List.of("xrd"));
    }

    private List<String> problems(String goal, WorkflowProposal p) {
        Understanding u = reader.read(goal);
        return ProposalCheck.problems(p, u, Planners.lab(), Planners.chemistry());
    }

    @Test
    void aProposalMustKeepTheCrucibleHoldAndExclusionsTheGoalStates() {
        String goal = "Make 1 g of SrTiO3 at 1200 °C for 6 h in a zirconia crucible, without carbonates.";
        assertThat(problems(goal, proposal(List.of("SrCO3", "TiO2"), "alumina", 4)))
                .anySatisfy(m -> assertThat(m).contains("zirconia crucible, not alumina"))
                .anySatisfy(m -> assertThat(m).contains("hold of 6 h"))
                .anySatisfy(m -> assertThat(m).contains("SrCO3 is a carbonate"));
        assertThat(problems(goal, proposal(List.of("SrO", "TiO2"), "zirconia", 6)))
                .noneSatisfy(m -> assertThat(m).containsAnyOf("crucible, not", "hold of", "rules out"));
    }

    @Test
    void aProblemStatesItsNumbersAndChoicesInWords() {
        WorkflowProposal p = new WorkflowProposal("SrTiO3", 1.0, List.of("SrCO3", "TiO2"), "box-furnace-1", "alumina", "neon", null,
                1187.4999999999998, 7.333333333333333, 2.0, List.of("xrd"));
        assertThat(problems("Make 1 g of SrTiO3 below 1100 °C, ramp at most 5 °C/min.", p))
                .contains("atmosphere 'neon' is not one of air, O2, N2, Ar, He, CO2, H2, H2/Ar, H2/N2, vacuum",
                        "temperature 1187 °C is above the goal's limit 1100 °C", "ramp 7.33 °C/min is above the goal's limit 5 °C/min");
    }
}
