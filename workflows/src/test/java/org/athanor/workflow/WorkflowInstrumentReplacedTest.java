package org.athanor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowInstrumentReplacedTest {

    private static final Workflow PLAN = new Workflow("w", "test", new Target("BaTiO3", null, null, null), null, List.of(
            new Step("load", Action.TRANSFER, "robot-1", "S1", null, Map.of("from", "mill-1", "to", "box-furnace-1")),
            new Step("heat", Action.HEAT, "box-furnace-1", "S1", null, Map.of()),
            new Step("unload", Action.TRANSFER, "robot-1", "S1", null, Map.of("from", "box-furnace-1", "to", "xrd-1")),
            new Step("xrd", Action.XRD, "xrd-1", "S1", null, Map.of())));

    @Test
    void theHeatStepAndTheTransfersIntoAndOutOfTheFurnaceMoveToTheReplacement() {
        Workflow moved = PLAN.withInstrumentReplaced("box-furnace-1", "box-furnace-2");

        assertThat(moved.steps()).extracting(Step::instrument).containsExactly("robot-1", "box-furnace-2", "robot-1", "xrd-1");
        assertThat(moved.steps().get(0).params()).containsEntry("from", "mill-1").containsEntry("to", "box-furnace-2");
        assertThat(moved.steps().get(2).params()).containsEntry("from", "box-furnace-2").containsEntry("to", "xrd-1");
        assertThat(moved.steps()).extracting(Step::id).containsExactly("load", "heat", "unload", "xrd");
    }

    @Test
    void replacingAnInstrumentByItselfOrOneTheWorkflowDoesNotUseChangesNothing() {
        assertThat(PLAN.withInstrumentReplaced("box-furnace-1", "box-furnace-1")).isSameAs(PLAN);
        assertThat(PLAN.withInstrumentReplaced("tube-furnace-1", "box-furnace-2").steps()).isEqualTo(PLAN.steps());
    }
}
