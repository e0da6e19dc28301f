package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.athanor.agent.campaign.CampaignReport.StopReason;
import org.junit.jupiter.api.Test;

class CampaignLoopTest {

    /** Proposes temperatures from a fixed list; the fake lab's yield is a function of temperature. */
    private static CampaignLoop.Outcome run(StopRules rules, List<Double> temperatures, DoubleUnaryOperator yieldAt) {
        CampaignLoop.Proposer proposer = history -> Map.of("temperatureC", temperatures.get(history.size()));
        CampaignLoop.Experimenter lab = (index, p) -> new CampaignReport.Experiment(index, p, "approved", List.of(),
                yieldAt.applyAsDouble((Double) p.get("temperatureC")), null, null, null, null);
        return new CampaignLoop(rules).run(proposer, lab, CampaignLoop.Progress.NONE);
    }

    @Test
    void stopsAsSoonAsTheTargetFractionIsReached() {
        var outcome = run(new StopRules(10, 0.95, 5, 0.01), List.of(900.0, 1000.0, 1100.0, 1200.0), t -> t >= 1100 ? 0.97 : 0.5);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(outcome.experiments()).hasSize(3);
        assertThat(outcome.best().orElseThrow().index()).isEqualTo(3);
        assertThat(outcome.experiments().get(2).decision()).startsWith("stop: target reached");
    }

    @Test
    void stopsWhenTheBudgetIsSpent() {
        var outcome = run(new StopRules(3, 0.95, 10, 0.01), List.of(900.0, 950.0, 1000.0, 1050.0), t -> t / 2000);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
        assertThat(outcome.experiments()).hasSize(3);
        assertThat(outcome.best().orElseThrow().targetFraction()).isEqualTo(0.5);
    }

    @Test
    void stopsOnAPlateauOfPatienceExperimentsWithoutGain() {
        var outcome = run(new StopRules(20, 0.95, 2, 0.01), List.of(900.0, 910.0, 920.0, 930.0, 940.0), t -> t == 900.0 ? 0.6 : 0.6005);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.NO_IMPROVEMENT);
        assertThat(outcome.experiments()).hasSize(3);
    }

    @Test
    void anAbortEndsTheCampaignWithTheReason() {
        CampaignLoop.Proposer proposer = history -> Map.of("temperatureC", 1000.0);
        List<Integer> ran = new ArrayList<>();
        CampaignLoop.Experimenter lab = (index, p) -> {
            ran.add(index);
            if (index == 2) {
                throw new CampaignAbortedException("xrd-1 went offline");
            }
            return new CampaignReport.Experiment(index, p, "approved", List.of(), 0.4, null, null, null, null);
        };
        var outcome = new CampaignLoop(StopRules.DEFAULT).run(proposer, lab, CampaignLoop.Progress.NONE);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.ABORTED);
        assertThat(outcome.explanation()).contains("xrd-1 went offline");
        assertThat(ran).containsExactly(1, 2);
    }

    @Test
    void aRejectedExperimentNeverCountsAsBest() {
        CampaignLoop.Proposer proposer = history -> Map.of("temperatureC", 1000.0 + history.size());
        CampaignLoop.Experimenter lab = (index, p) -> new CampaignReport.Experiment(index, p,
                index == 1 ? "rejected" : "approved", List.of(), index == 1 ? 0.99 : 0.3, null, null, null, null);
        var outcome = new CampaignLoop(new StopRules(2, 0.95, 5, 0.01)).run(proposer, lab, CampaignLoop.Progress.NONE);
        assertThat(outcome.best().orElseThrow().index()).isEqualTo(2);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
    }
}
