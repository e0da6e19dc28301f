package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

class CampaignJournalTest {

    private final List<EngineEvent> events = new ArrayList<>();

    private void add(Type type, String experiment, Map<String, Object> data) {
        events.add(new EngineEvent("ev" + events.size(), type, Instant.EPOCH.plusSeconds(events.size()), "run-1", experiment, null, null, data));
    }

    private static Workflow plan() {
        var heat = new Step("h1", Action.HEAT, "box-furnace-1", "S1", null, Map.of(
                "profile", List.of(HeatSegment.celsius(1150, 5, 12)), "atmosphere", Atmosphere.AIR, "crucible", "alumina"));
        return new Workflow("plan-1", "make BaTiO3", new Target("BaTiO3", null, null, null), null, List.of(heat));
    }

    private void started() {
        add(Type.DECISION, null, Map.ofEntries(Map.entry("kind", "campaign-started"), Map.entry("goal", "make BaTiO3"),
                Map.entry("seed", 7), Map.entry("strategy", "bo"), Map.entry("budget", 6), Map.entry("targetFraction", 0.95),
                Map.entry("patience", 4), Map.entry("minImprovement", 0.01), Map.entry("temperatureFixed", false),
                Map.entry("holdFixed", true), Map.entry("plan", WorkflowJson.write(plan()))));
    }

    private void finished(int index, double fraction) {
        String e = "e" + index;
        add(Type.RUN_STARTED, e, Map.of());
        add(Type.ANALYSIS, e, Map.of("kind", "experiment", "index", index, "verdict", "approved",
                "parameters", Map.of("temperatureC", 1000.0 + index, "holdH", 3.0),
                "phases", List.of(Map.of("formula", "BaTiO3", "id", "BaTiO3_tetragonal_P4mm", "weightFraction", fraction, "confidence", 0.9)),
                "targetFraction", fraction, "rwp", 12.5));
        add(Type.DECISION, e, Map.of("kind", "next", "decision", "continue: " + index));
    }

    @Test
    void aJournaledCampaignComesBackWithItsSettingsPlanAndExperiments() {
        started();
        finished(1, 0.4);
        finished(2, 0.7);
        var saved = CampaignJournal.read("run-1", events);
        assertThat(saved.goal()).isEqualTo("make BaTiO3");
        assertThat(saved.seed()).isEqualTo(7);
        assertThat(saved.rules()).isEqualTo(new StopRules(6, 0.95, 4, 0.01));
        assertThat(saved.holdFixed()).isTrue();
        assertThat(WorkflowJson.write(saved.plan())).isEqualTo(WorkflowJson.write(plan()));
        assertThat(saved.finished()).extracting(CampaignReport.Experiment::index).containsExactly(1, 2);
        assertThat(saved.finished().get(1).targetFraction()).isEqualTo(0.7);
        assertThat(saved.finished().get(1).decision()).isEqualTo("continue: 2");
        assertThat(saved.finished().get(0).phases().get(0).confidence()).isEqualTo(0.9);
        assertThat(saved.interrupted()).isEmpty();
        assertThat(saved.stopped()).isFalse();
    }

    @Test
    void anExperimentUnderWayAtTheCrashIsReportedLostNotForgotten() {
        started();
        finished(1, 0.4);
        add(Type.RUN_STARTED, "e2", Map.of());
        add(Type.STEP_DISPATCHED, "e2", Map.of());
        var saved = CampaignJournal.read("run-1", events);
        assertThat(saved.interrupted()).containsExactly("e2");
        assertThat(saved.finished()).extracting(CampaignReport.Experiment::verdict).containsExactly("approved", "lost");
        assertThat(saved.finished().get(1).notes()).anySatisfy(n -> assertThat(n).contains("interrupted"));
    }

    @Test
    void aLostExperimentKeepsTheParametersItWasStartedWith() {
        started();
        finished(1, 0.4);
        add(Type.RUN_STARTED, "e2", Map.of());
        add(Type.DECISION, "e2", Map.of("kind", "proposed", "index", 2, "parameters", Map.of("temperatureC", 1150.0, "holdH", 4.0)));
        add(Type.RUN_STARTED, "e3", Map.of()); // started by an older version, which journaled no proposal
        var saved = CampaignJournal.read("run-1", events);
        assertThat(saved.finished()).extracting(CampaignReport.Experiment::verdict).containsExactly("approved", "lost", "lost");
        assertThat(saved.finished().get(1).parameters()).isEqualTo(Map.of("temperatureC", 1150.0, "holdH", 4.0));
        assertThat(saved.finished().get(2).parameters()).isEmpty();
    }

    @Test
    void aFinishedCampaignSaysSo() {
        started();
        finished(1, 0.97);
        add(Type.DECISION, null, Map.of("kind", "campaign-stopped", "stopReason", "target-reached", "explanation", "done"));
        assertThat(CampaignJournal.read("run-1", events).stopped()).isTrue();
    }

    @Test
    void aRunWithoutACampaignIsAClearError() {
        add(Type.RUN_STARTED, "e1", Map.of());
        assertThatThrownBy(() -> CampaignJournal.read("run-1", events))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no campaign");
    }

    @Test
    void resumingAfterLostExperimentsCountsThemAgainstTheBudget() {
        var previous = List.of(
                new CampaignReport.Experiment(1, Map.of("temperatureC", 900.0), "approved", List.of(), 0.3, null, "continue", null, null),
                new CampaignReport.Experiment(2, Map.of(), "lost", List.of(), 0, null, "continue", null, List.of("interrupted")));
        List<Integer> ran = new ArrayList<>();
        CampaignLoop.Experimenter lab = (index, p) -> {
            ran.add(index);
            return new CampaignReport.Experiment(index, p, "approved", List.of(), 0.5, null, null, null, null);
        };
        var outcome = new CampaignLoop(new StopRules(3, 0.95, 5, 0.01)).run(h -> Map.of("temperatureC", 1000.0), lab,
                CampaignLoop.Progress.NONE, previous);
        assertThat(ran).containsExactly(3);
        assertThat(outcome.experiments()).hasSize(3);
        assertThat(outcome.best().orElseThrow().index()).isEqualTo(3);
    }

    @Test
    void aBatchCutByACrashLeavesEachOfItsExperimentsLostAndKeepsTheOnesAlreadyRead() {
        started();
        finished(1, 0.4);
        finished(2, 0.5);
        // The batch of experiments 3 to 5: 3 had been read and journaled, 4 and 5 were still heating.
        add(Type.RUN_STARTED, "e4", Map.of());
        add(Type.RUN_STARTED, "e5", Map.of());
        finished(3, 0.6);
        add(Type.STEP_DISPATCHED, "e4", Map.of());
        add(Type.STEP_DISPATCHED, "e5", Map.of());

        var saved = CampaignJournal.read("run-1", events);

        assertThat(saved.interrupted()).containsExactly("e4", "e5");
        assertThat(saved.finished()).extracting(CampaignReport.Experiment::index).containsExactly(1, 2, 3, 4, 5);
        assertThat(saved.finished()).extracting(CampaignReport.Experiment::verdict)
                .containsExactly("approved", "approved", "approved", "lost", "lost");
        assertThat(saved.finished().get(2).decision()).isEqualTo("continue: 3");
    }

    @Test
    void theBatchSizeAskedForComesBackFromTheJournalAndIsAbsentWhenTheFurnacesDecided() {
        started();
        assertThat(CampaignJournal.read("run-1", events).batch()).isNull();
        events.clear();
        add(Type.DECISION, null, Map.ofEntries(Map.entry("kind", "campaign-started"), Map.entry("goal", "make BaTiO3"),
                Map.entry("seed", 7), Map.entry("strategy", "bo"), Map.entry("budget", 6), Map.entry("targetFraction", 0.95),
                Map.entry("patience", 4), Map.entry("minImprovement", 0.01), Map.entry("batch", 1),
                Map.entry("plan", WorkflowJson.write(plan()))));
        assertThat(CampaignJournal.read("run-1", events).batch()).isEqualTo(1);
    }

    @Test
    void theSearchSpaceAJournaledCampaignStartedWithComesBackForItsResume() {
        var design = new ExperimentDesign(new ExperimentDesign.Range(800, 1250), new ExperimentDesign.Range(0.5, 12),
                new ExperimentDesign.Range(2, 10), new ExperimentDesign.Range(0, 10), "Li", List.of("air", "Ar"),
                Map.of("Li", List.of("Li2CO3", "LiOH·H2O")),
                List.of(new ExperimentDesign.Furnace("box-furnace-1", 1200, 10, List.of("air")),
                        new ExperimentDesign.Furnace("tube-furnace-1", 1500, 10, List.of("air", "Ar"))));
        started();
        Map<String, Object> withDesign = new java.util.LinkedHashMap<>(events.get(0).data());
        withDesign.put("design", CampaignJournal.designData(design));
        events.set(0, new EngineEvent("ev0", Type.DECISION, Instant.EPOCH, "run-1", null, null, null, withDesign));
        assertThat(CampaignJournal.read("run-1", events).design()).isEqualTo(design);
    }

    @Test
    void aJournalFromBeforeTheFullDesignHasNoneAndTheRunnerRebuildsIt() {
        started();
        assertThat(CampaignJournal.read("run-1", events).design()).isNull();
    }
}
