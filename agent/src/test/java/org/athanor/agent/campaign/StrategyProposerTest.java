package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.athanor.agent.optimize.BayesianOptimisation;
import org.athanor.agent.planner.Planners;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

class StrategyProposerTest {

    private final Workflow plan = Planners.offline().plan("Make 2 g of BaTiO3 from BaCO3 and TiO2, confirm by XRD, stay below 1250 °C").workflow();
    private final ExperimentDesign design = ExperimentDesign.around(plan, 1200, 10, false, false);

    private CampaignRunner.StrategyProposer proposer() {
        return new CampaignRunner.StrategyProposer(new BayesianOptimisation(CampaignRunner.space(design), 5), design, plan);
    }

    @Test
    void theFirstBatchIsTheEconomicalStartPlusTheStrategysProposalsAllDifferent() {
        List<Map<String, Object>> batch = proposer().next(List.of(), 3);

        assertThat(batch).hasSize(3);
        assertThat(batch.get(0)).isEqualTo(design.economicalStart(plan));
        assertThat(batch).doesNotHaveDuplicates();
        for (Map<String, Object> p : batch) {
            double t = ((Number) p.get(ExperimentDesign.TEMPERATURE)).doubleValue();
            assertThat(t).isBetween(design.temperatureC().min(), design.temperatureC().max());
        }
    }

    @Test
    void bayesianOptimisationTriesThePlannersRecipeBesideTheEconomicalStartAndSaysSo() {
        var space = CampaignRunner.space(design);
        var bo = new CampaignRunner.StrategyProposer(CampaignRunner.strategy("bo", space, 5, design.startingPoint(plan)), design, plan);

        List<Map<String, Object>> batch = bo.next(List.of(), 2);

        assertThat(batch).containsExactly(design.economicalStart(plan), design.startingPoint(plan));
        assertThat(bo.explain(batch.get(0), List.of())).contains("mildest plausible recipe");
        assertThat(bo.explain(batch.get(1), List.of())).contains("planner's recipe");
        // One experiment later (a batch of one at a time), the recipe comes next, and later points are the design's own.
        var seen = List.of(new CampaignLoop.Observation(1, batch.get(0), 0.2, true));
        var oneAtATime = new CampaignRunner.StrategyProposer(CampaignRunner.strategy("bo", space, 5, design.startingPoint(plan)), design, plan);
        assertThat(oneAtATime.next(seen, 1)).containsExactly(design.startingPoint(plan));
        assertThat(bo.explain(bo.next(seen, 1).get(0), seen)).isEqualTo("Bayesian optimisation's proposal from 1 result so far");
    }

    @Test
    void randomSearchKnowsNothingOfThePlannersRecipe() {
        var random = new CampaignRunner.StrategyProposer(CampaignRunner.strategy("random", CampaignRunner.space(design), 5,
                design.startingPoint(plan)), design, plan);

        List<Map<String, Object>> proposals = random.next(List.of(new CampaignLoop.Observation(1, design.economicalStart(plan), 0.2, true)), 20);

        assertThat(proposals).doesNotContain(design.startingPoint(plan)).doesNotHaveDuplicates();
    }

    @Test
    void laterBatchesComeFromTheStrategyAloneGivenWhatWasSeen() {
        var seen = List.of(
                new CampaignLoop.Observation(1, Map.of(ExperimentDesign.TEMPERATURE, 950.0, ExperimentDesign.HOLD, 2.0), 0.3, true),
                new CampaignLoop.Observation(2, Map.of(ExperimentDesign.TEMPERATURE, 1150.0, ExperimentDesign.HOLD, 8.0), 0.9, true),
                new CampaignLoop.Observation(3, Map.of(ExperimentDesign.TEMPERATURE, 1050.0, ExperimentDesign.HOLD, 4.0), 0.6, true));
        List<Map<String, Object>> batch = proposer().next(seen, 2);

        assertThat(batch).hasSize(2).doesNotHaveDuplicates().doesNotContain(design.economicalStart(plan));
    }
}
