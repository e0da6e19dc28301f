package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.athanor.agent.planner.Planners;
import org.athanor.instruments.config.LabConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

class ParallelFurnacesTest {

    private final LabConfig lab = LabConfig.defaultLab();

    @Test
    void aBoxFurnacePlanMayHeatInBothBoxFurnacesButNotInTheTube() {
        assertThat(ParallelFurnaces.of(lab, "box-furnace-2").furnaces()).containsExactly("box-furnace-2", "box-furnace-1");
        assertThat(ParallelFurnaces.of(lab, "box-furnace-1").furnaces()).containsExactly("box-furnace-1", "box-furnace-2");
    }

    @Test
    void aTubeFurnacePlanHasOnlyTheTube() {
        assertThat(ParallelFurnaces.of(lab, "tube-furnace-1").furnaces()).containsExactly("tube-furnace-1");
    }

    @Test
    void aFurnaceTheLabDoesNotHaveIsNamedInTheError() {
        assertThatThrownBy(() -> ParallelFurnaces.of(lab, "box-furnace-9")).hasMessageContaining("box-furnace-9");
    }

    @Test
    void aPlanThatNeedsArgonGetsTheTubeFurnaceAlone() {
        Workflow w = Planners.offline().plan("Make 1 g of LiFePO4 from Li2CO3, FePO4 and C under argon, confirm by XRD").workflow();
        String furnace = LabExperimenter.plannedFurnace(w);
        assertThat(furnace).isEqualTo("tube-furnace-1");
        assertThat(ParallelFurnaces.of(lab, furnace).size()).isEqualTo(1);
    }

    @Test
    void assigningAFurnaceMovesTheHeatStepAndTheTransfersToAndFromIt() {
        Workflow w = Planners.offline().plan("Make 2 g of BaTiO3 from BaCO3 and TiO2, confirm by XRD").workflow();
        assertThat(LabExperimenter.plannedFurnace(w)).isEqualTo("box-furnace-1");
        ParallelFurnaces f = ParallelFurnaces.of(lab, "box-furnace-1");

        Workflow moved = f.assign(w, f.forPosition(1));

        assertThat(moved.stepsOf(Action.HEAT)).extracting(Step::instrument).containsOnly("box-furnace-2");
        assertThat(moved.steps()).noneMatch(s -> "box-furnace-1".equals(s.instrument()) || s.params().containsValue("box-furnace-1"));
        assertThat(moved.stepsOf(Action.TRANSFER)).anyMatch(s -> "box-furnace-2".equals(s.params().get("to")))
                .anyMatch(s -> "box-furnace-2".equals(s.params().get("from")));
        assertThat(f.assign(w, f.forPosition(2))).isEqualTo(w);
    }

    @Test
    void theLogLineNamesTheFurnacesOfABatch() {
        ParallelFurnaces f = ParallelFurnaces.of(lab, "box-furnace-1");
        assertThat(ParallelFurnaces.describe(2, f)).isEqualTo("batches of 2 (box-furnace-1, box-furnace-2)");
        assertThat(ParallelFurnaces.describe(1, ParallelFurnaces.only("box-furnace-1"))).isEqualTo("one experiment at a time (box-furnace-1)");
        assertThat(ParallelFurnaces.describe(3, f)).contains("3 experiments share 2 furnace(s)");
    }

    @Test
    void anExperimentMovedToTheTubeLeavesItsBoxFurnaceToTheNextOfTheBatch() {
        var boxes = ParallelFurnaces.of(lab, "box-furnace-1");
        // The second experiment's gas (O2 or Ar) moved it to the tube furnace: the third gets the free box furnace,
        // not the first one's again, which would leave box-furnace-2 idle while it waits.
        assertThat(boxes.forBatch(List.of("box-furnace-1", "tube-furnace-1", "box-furnace-1")))
                .containsExactly("box-furnace-1", "tube-furnace-1", "box-furnace-2");
        assertThat(boxes.forBatch(List.of("box-furnace-1", "box-furnace-1"))).as("the usual round robin")
                .containsExactly("box-furnace-1", "box-furnace-2");
        assertThat(boxes.forBatch(List.of("box-furnace-1", "box-furnace-1", "box-furnace-1"))).as("more experiments than boxes")
                .containsExactly("box-furnace-1", "box-furnace-2", "box-furnace-1");
    }
}
