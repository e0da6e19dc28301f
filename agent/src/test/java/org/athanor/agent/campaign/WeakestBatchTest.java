package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.athanor.engine.StepResult;
import org.athanor.materials.Composition;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;

/** A plan split into batches (one crucible each) is judged by its weakest batch, not by its first. */
class WeakestBatchTest {

    private static StepResult analysis(double target, double rutile) {
        return new StepResult(List.of(), Map.of("phases", List.of(
                Map.of("formula", "BaTiO3", "id", "BaTiO3_tetragonal_P4mm", "weightFraction", target, "confidence", 1.0),
                Map.of("formula", "TiO2", "id", "TiO2_sg136_Rutile", "weightFraction", rutile, "confidence", 0.9))));
    }

    @Test
    void theBatchWithTheLeastTargetStandsForTheExperimentAndEachBatchIsNoted() {
        PlanResult plan = Planners.offline().plan("make 30 g of BaTiO3, confirm by XRD");
        List<Step> analyses = plan.workflow().stepsOf(Action.ANALYZE);
        assertThat(analyses).as("30 g needs three crucibles").hasSize(3);
        Map<String, StepResult> results = new HashMap<>();
        results.put(analyses.get(0).id(), analysis(0.97, 0.03));
        results.put(analyses.get(1).id(), analysis(0.81, 0.19));
        results.put(analyses.get(2).id(), analysis(0.96, 0.04));
        List<String> notes = new ArrayList<>();

        Step chosen = LabExperimenter.weakestBatch(analyses, results, Composition.parse("BaTiO3"), notes);

        assertThat(chosen).isEqualTo(analyses.get(1));
        assertThat(notes).singleElement().asString()
                .contains(analyses.get(0).sample() + " 97.0 %", analyses.get(1).sample() + " 81.0 %", analyses.get(2).sample() + " 96.0 %")
                .contains("judged by its weakest, " + analyses.get(1).sample());
    }

    @Test
    void oneBatchOrOneResultIsTakenAsItIsWithoutANote() {
        PlanResult plan = Planners.offline().plan("make 30 g of BaTiO3, confirm by XRD");
        List<Step> analyses = plan.workflow().stepsOf(Action.ANALYZE);
        List<String> notes = new ArrayList<>();

        Step onlyResult = LabExperimenter.weakestBatch(analyses, Map.of(analyses.get(2).id(), analysis(0.5, 0.5)), Composition.parse("BaTiO3"), notes);

        assertThat(onlyResult).isEqualTo(analyses.get(2));
        assertThat(LabExperimenter.weakestBatch(analyses, Map.of(), Composition.parse("BaTiO3"), notes)).isNull();
        assertThat(notes).isEmpty();
    }
}
