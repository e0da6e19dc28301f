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
        assertThat(outcome.explanation()).startsWith("spent the budget of 3 experiments;");
        assertThat(run(new StopRules(1, 0.95, 10, 0.01), List.of(900.0), t -> t / 2000).explanation())
                .startsWith("spent the budget of 1 experiment;");
    }

    @Test
    void stopsOnAPlateauOfPatienceExperimentsWithoutGain() {
        var outcome = run(new StopRules(20, 0.95, 2, 0.01), List.of(900.0, 910.0, 920.0, 930.0, 940.0), t -> t == 900.0 ? 0.6 : 0.6005);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.NO_IMPROVEMENT);
        assertThat(outcome.experiments()).hasSize(3);
    }

    @Test
    void eachExperimentSaysWhyItsParametersWereChosenAheadOfItsOtherNotes() {
        CampaignLoop.Proposer proposer = new CampaignLoop.Proposer() {
            @Override
            public Map<String, Object> next(List<CampaignLoop.Observation> history) {
                return Map.of("temperatureC", 900.0 + 100 * history.size());
            }

            @Override
            public String explain(Map<String, Object> parameters, List<CampaignLoop.Observation> history) {
                return history.isEmpty() ? null : parameters.get("temperatureC") + " °C after " + history.size() + " result(s)";
            }
        };
        CampaignLoop.Experimenter lab = (index, p) -> new CampaignReport.Experiment(index, p, "approved", List.of(), 0.5, null, null, null,
                List.of("heated in box-furnace-1"));

        var outcome = new CampaignLoop(new StopRules(3, 0.95, 10, 0.01)).run(proposer, lab, CampaignLoop.Progress.NONE);

        assertThat(outcome.experiments().get(0).notes()).containsExactly("heated in box-furnace-1");
        assertThat(outcome.experiments().get(2).notes()).containsExactly("chosen: 1100.0 °C after 2 result(s)", "heated in box-furnace-1");
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

    // ---- batches -------------------------------------------------------------------------------------------------

    /** A fake lab for batches: records each batch it was given; yield is a function of temperature. */
    private static class BatchLab implements CampaignLoop.Experimenter {
        final List<List<Integer>> batches = new ArrayList<>();
        final DoubleUnaryOperator yieldAt;
        final java.util.Set<Integer> failing;

        BatchLab(DoubleUnaryOperator yieldAt, Integer... failing) {
            this.yieldAt = yieldAt;
            this.failing = java.util.Set.of(failing);
        }

        @Override
        public CampaignReport.Experiment run(int index, Map<String, Object> p) {
            throw new AssertionError("a batch lab is given whole batches");
        }

        @Override
        public List<CampaignReport.Experiment> run(List<CampaignLoop.Planned> batch) {
            batches.add(batch.stream().map(CampaignLoop.Planned::index).toList());
            return batch.stream().map(b -> failing.contains(b.index())
                    ? new CampaignReport.Experiment(b.index(), b.parameters(), "failed", List.of(), 0, null, null, null,
                            List.of("aborted: paused by a fault: box-furnace-1 interlock open"))
                    : new CampaignReport.Experiment(b.index(), b.parameters(), "approved", List.of(),
                            yieldAt.applyAsDouble((Double) b.parameters().get("temperatureC")), null, null, null, null)).toList();
        }
    }

    /** Proposes temperatures in order from a list; records how many it was asked for each time and what it had seen. */
    private static final class ListProposer implements CampaignLoop.Proposer {
        final List<Double> temperatures;
        final List<Integer> asked = new ArrayList<>();
        final List<Integer> seen = new ArrayList<>();
        int used;

        ListProposer(Double... temperatures) {
            this.temperatures = List.of(temperatures);
        }

        @Override
        public Map<String, Object> next(List<CampaignLoop.Observation> history) {
            return Map.of("temperatureC", temperatures.get(used++));
        }

        @Override
        public List<Map<String, Object>> next(List<CampaignLoop.Observation> history, int count) {
            asked.add(count);
            seen.add(history.size());
            return CampaignLoop.Proposer.super.next(history, count);
        }
    }

    @Test
    void theLastBatchIsCutToTheBudget() {
        var proposer = new ListProposer(900.0, 910.0, 920.0, 930.0, 940.0, 950.0);
        var lab = new BatchLab(t -> t / 2000);
        var outcome = new CampaignLoop(new StopRules(5, 0.95, 10, 0.01), 2).run(proposer, lab, CampaignLoop.Progress.NONE);

        assertThat(lab.batches).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(proposer.asked).containsExactly(2, 2, 1);
        assertThat(proposer.seen).containsExactly(0, 2, 4);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
        assertThat(outcome.experiments()).extracting(CampaignReport.Experiment::index).containsExactly(1, 2, 3, 4, 5);
        assertThat(outcome.experiments().get(4).decision()).isEqualTo("stop: budget spent");
    }

    @Test
    void aBatchThatReachesTheTargetIsReadToTheEndAndThenTheCampaignStops() {
        var proposer = new ListProposer(900.0, 950.0, 1000.0, 1150.0, 1050.0, 1100.0, 1200.0);
        var lab = new BatchLab(t -> t >= 1150 ? 0.97 : 0.5);
        var outcome = new CampaignLoop(new StopRules(12, 0.95, 5, 0.01), 3).run(proposer, lab, CampaignLoop.Progress.NONE);

        assertThat(lab.batches).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6));
        assertThat(outcome.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(outcome.best().orElseThrow().index()).isEqualTo(4);
        assertThat(outcome.experiments()).extracting(CampaignReport.Experiment::decision).containsExactly(
                "continue: best so far 50.0 % (experiment 1) < goal 95.0 %",
                "continue: best so far 50.0 % (experiment 1) < goal 95.0 %",
                "continue: best so far 50.0 % (experiment 1) < goal 95.0 %",
                "stop: target reached", "stop: target reached by experiment 4", "stop: target reached by experiment 4");
    }

    @Test
    void anOperatorsAbortDuringABatchKeepsTheBatchReadAndStopsTheCampaign() {
        var proposer = new ListProposer(900.0, 910.0, 920.0, 930.0, 940.0, 950.0);
        var operator = new java.util.concurrent.atomic.AtomicReference<String>();
        var lab = new BatchLab(t -> t / 2000, 3, 4) {
            @Override
            public List<CampaignReport.Experiment> run(List<CampaignLoop.Planned> batch) {
                if (batch.get(0).index() == 3) {
                    operator.set("aborted by the operator (ada, 2026-01-01T08:00:00Z): end of shift"); // arrives mid-batch
                }
                return super.run(batch);
            }
        };
        var outcome = new CampaignLoop(new StopRules(12, 0.95, 10, 0.01), 2)
                .stopWhen(() -> java.util.Optional.ofNullable(operator.get()))
                .run(proposer, lab, CampaignLoop.Progress.NONE);

        assertThat(lab.batches).as("no batch after the abort").containsExactly(List.of(1, 2), List.of(3, 4));
        assertThat(outcome.stopReason()).isEqualTo(StopReason.ABORTED);
        assertThat(outcome.explanation()).isEqualTo("aborted by the operator (ada, 2026-01-01T08:00:00Z): end of shift");
        assertThat(outcome.experiments()).extracting(CampaignReport.Experiment::index).containsExactly(1, 2, 3, 4);
        assertThat(outcome.experiments().subList(2, 4)).extracting(CampaignReport.Experiment::decision)
                .containsOnly("stop: aborted by the operator (ada, 2026-01-01T08:00:00Z): end of shift");
        assertThat(outcome.best().orElseThrow().index()).as("what was learnt before the abort is kept").isEqualTo(2);
    }

    @Test
    void afterAnAbortNothingMoreIsProposedOrStarted() {
        var proposer = new ListProposer(900.0, 910.0, 920.0, 930.0);
        var lab = new BatchLab(t -> t / 2000);
        var outcome = new CampaignLoop(new StopRules(12, 0.95, 10, 0.01), 2)
                .stopWhen(() -> lab.batches.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("aborted by the operator"))
                .run(proposer, lab, CampaignLoop.Progress.NONE);

        assertThat(lab.batches).containsExactly(List.of(1, 2));
        assertThat(proposer.asked).as("nothing more proposed").containsExactly(2);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.ABORTED);
    }

    @Test
    void aResumedCampaignAbortedBeforeItGoesOnStopsAsAbortedWithoutProposingEvenWhenItsTargetWasReached() {
        var proposer = new ListProposer(1000.0);
        var lab = new BatchLab(t -> t / 2000);
        var previous = List.of(
                new CampaignReport.Experiment(1, Map.of("temperatureC", 900.0), "approved", List.of(), 0.97, null, "continue", null, null));
        var outcome = new CampaignLoop(new StopRules(5, 0.95, 10, 0.01), 2)
                .stopWhen(() -> java.util.Optional.of("aborted by the operator (ada, 2026-01-01T08:00:00Z): end of shift"))
                .run(proposer, lab, CampaignLoop.Progress.NONE, previous);

        assertThat(outcome.stopReason()).isEqualTo(StopReason.ABORTED);
        assertThat(outcome.explanation()).contains("end of shift");
        assertThat(proposer.asked).as("nothing proposed").isEmpty();
        assertThat(lab.batches).as("nothing started").isEmpty();
        assertThat(outcome.experiments()).hasSize(1);
    }

    @Test
    void experimentsAreDecidedAndReportedInIndexOrder() {
        var proposer = new ListProposer(900.0, 1000.0, 950.0, 1100.0);
        List<Integer> reported = new ArrayList<>();
        var outcome = new CampaignLoop(new StopRules(4, 0.95, 10, 0.01), 2)
                .run(proposer, new BatchLab(t -> t / 2000), e -> reported.add(e.index()));

        assertThat(reported).containsExactly(1, 2, 3, 4);
        // Experiment 2 (1000 °C) beats experiment 3 (950 °C): the best is judged in order, not by the last one read.
        assertThat(outcome.best().orElseThrow().index()).isEqualTo(4);
        assertThat(outcome.experiments().get(2).decision()).contains("50.0 % (experiment 2)");
    }

    @Test
    void aFailedExperimentDoesNotStopItsSiblingsOrTheCampaign() {
        var proposer = new ListProposer(900.0, 1000.0, 1050.0, 1100.0, 1150.0, 1200.0);
        var lab = new BatchLab(t -> t / 2000, 1, 3);
        var outcome = new CampaignLoop(new StopRules(6, 0.95, 10, 0.01), 2).run(proposer, lab, CampaignLoop.Progress.NONE);

        assertThat(lab.batches).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5, 6));
        assertThat(outcome.experiments()).extracting(CampaignReport.Experiment::verdict)
                .containsExactly("failed", "approved", "failed", "approved", "approved", "approved");
        assertThat(outcome.experiments().get(0).decision()).startsWith("continue: experiment not usable (failed)");
        assertThat(outcome.experiments().get(0).notes()).anyMatch(n -> n.contains("interlock open"));
        assertThat(outcome.best().orElseThrow().index()).isEqualTo(6);
    }

    @Test
    void aPlateauIsJudgedOnlyOnceTheWholeBatchIsIn() {
        // Patience 2: after experiment 3 two experiments brought no gain, but experiment 4 of the same batch improves,
        // so the campaign goes on; the next batch brings nothing and the campaign stops after its last experiment.
        var proposer = new ListProposer(900.0, 800.0, 800.0, 1000.0, 800.0, 800.0, 800.0, 800.0, 800.0);
        var lab = new BatchLab(t -> t / 2000);
        var outcome = new CampaignLoop(new StopRules(20, 0.95, 2, 0.01), 4).run(proposer, lab, CampaignLoop.Progress.NONE);

        assertThat(lab.batches).containsExactly(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8));
        assertThat(outcome.stopReason()).isEqualTo(StopReason.NO_IMPROVEMENT);
        assertThat(outcome.experiments().get(2).decision()).startsWith("continue");
        assertThat(outcome.experiments().get(5).decision()).startsWith("continue");
        assertThat(outcome.experiments().get(7).decision()).isEqualTo("stop: no improvement");
    }

    @Test
    void aResumedCampaignNeverReusesTheIndexOfAMissingExperiment() {
        var proposer = new ListProposer(1000.0, 1010.0);
        var lab = new BatchLab(t -> t / 2000);
        var previous = List.of(
                new CampaignReport.Experiment(1, Map.of("temperatureC", 900.0), "approved", List.of(), 0.45, null, "continue", null, null),
                new CampaignReport.Experiment(3, Map.of(), "lost", List.of(), 0, null, "continue", null, null));
        new CampaignLoop(new StopRules(5, 0.95, 10, 0.01), 2).run(proposer, lab, CampaignLoop.Progress.NONE, previous);

        assertThat(lab.batches).containsExactly(List.of(4, 5));
    }

    @Test
    void aLostExperimentIsNotShownToTheProposerAsAResult() {
        // Experiment 2 was lost to a crash: it has parameters but no result, so the proposer must not read it as a 0.
        List<List<CampaignLoop.Observation>> seen = new ArrayList<>();
        CampaignLoop.Proposer proposer = history -> {
            seen.add(List.copyOf(history));
            return Map.of("temperatureC", 1000.0);
        };
        var previous = List.of(
                new CampaignReport.Experiment(1, Map.of("temperatureC", 900.0), "approved", List.of(), 0.45, null, "continue", null, null),
                new CampaignReport.Experiment(2, Map.of("temperatureC", 1100.0), "lost", List.of(), 0, null, "continue", null, null));
        var outcome = new CampaignLoop(new StopRules(3, 0.95, 10, 0.01)).run(proposer, (index, p) ->
                new CampaignReport.Experiment(index, p, "approved", List.of(), 0.5, null, null, null, null), CampaignLoop.Progress.NONE, previous);

        assertThat(seen.get(0)).extracting(CampaignLoop.Observation::index).containsExactly(1);
        assertThat(outcome.experiments()).extracting(CampaignReport.Experiment::index).containsExactly(1, 2, 3);
    }
}
