package org.athanor.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.athanor.agent.journal.JdbcJournal.Stored;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.junit.jupiter.api.Test;

class RunViewTest {

    private static final RunView.Process LIVE = new RunView.Process(true, false, Optional.empty());
    private static final RunView.Process GONE = RunView.Process.idle();
    private static final String PLAN = "{\"schemaVersion\":1,\"id\":\"plan-1\",\"goal\":\"make ZnAl2O4\","
            + "\"target\":{\"formula\":\"ZnAl2O4\",\"mass\":{\"value\":1.0,\"unit\":\"g\"}},\"steps\":[]}";

    private final RunView view = new RunView("r7");
    private long seq = 100;
    private Instant clock = Instant.parse("2026-03-02T08:00:00Z");

    private void feed(Type type, String experiment, Map<String, Object> data) {
        clock = clock.plusSeconds(600);
        view.accept(new Stored(++seq, new EngineEvent(UUID.randomUUID().toString(), type, clock, "r7", experiment, null, null, data)));
    }

    private void campaignStarted(String plan) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "campaign-started");
        d.put("goal", "make ZnAl2O4 below 1200 °C");
        d.put("strategy", "random");
        d.put("budget", 6);
        d.put("targetFraction", 0.9);
        d.put("plan", plan);
        d.put("design", Map.of("temperatureC", List.of(850.0, 1200.0)));
        feed(Type.DECISION, null, d);
    }

    private void experiment(int index, Double fraction, String plot) {
        feed(Type.DECISION, "e" + index, Map.of("kind", "proposed", "index", index, "parameters", Map.of("temperatureC", 900.0 + index)));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kind", "experiment");
        a.put("index", index);
        a.put("parameters", Map.of("temperatureC", 900.0 + index));
        a.put("verdict", "approved");
        a.put("phases", List.of(Map.of("formula", "Al2ZnO4", "weightFraction", fraction == null ? 0.0 : fraction)));
        a.put("targetFraction", fraction);
        if (plot != null) {
            a.put("plot", plot);
        }
        feed(Type.ANALYSIS, "e" + index, a);
        feed(Type.DECISION, "e" + index, Map.of("kind", "next", "decision", "continue after " + index));
    }

    @Test
    void aFinishedCampaignShowsItsSettingsResultsBestAndHowItStopped() {
        campaignStarted(PLAN);
        experiment(1, 0.41, "/data/runs/r7/experiment-1-xrd.png");
        experiment(2, 0.93, null);
        experiment(3, 0.88, null);
        feed(Type.DECISION, null, Map.of("kind", "campaign-stopped", "stopReason", "target-reached", "explanation", "experiment 2 reached 93 %"));

        Map<String, Object> s = view.summary(GONE);
        assertThat(s).containsEntry("status", "finished").containsEntry("target", "ZnAl2O4").containsEntry("goal", "make ZnAl2O4 below 1200 °C")
                .containsEntry("strategy", "random").containsEntry("budget", 6).containsEntry("targetFraction", 0.9)
                .containsEntry("experiments", 3).containsEntry("stopReason", "target-reached")
                .containsEntry("stopExplanation", "experiment 2 reached 93 %").containsEntry("startedAt", "2026-03-02T08:10:00Z");
        assertThat(s.get("best")).isEqualTo(Map.of("index", 2, "targetFraction", 0.93));
        Map<String, Object> d = view.detail(GONE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) d.get("results");
        assertThat(rows).extracting(r -> r.get("index")).containsExactly(1, 2, 3);
        assertThat(rows.get(1)).containsEntry("decision", "continue after 2").containsEntry("plot", null);
        assertThat(rows.get(1).get("phases")).as("the target phase as the plan writes it")
                .isEqualTo(List.of(Map.of("formula", "ZnAl2O4", "weightFraction", 0.93)));
        assertThat(rows.get(0)).containsEntry("plot", "/api/runs/r7/plots/1");
        assertThat(view.plotPath(1)).contains("/data/runs/r7/experiment-1-xrd.png");
        assertThat(view.plotPath(2)).isEmpty();
        assertThat(d.get("underWay")).isEqualTo(List.of());
        assertThat(d.get("design")).isEqualTo(Map.of("temperatureC", List.of(850.0, 1200.0)));
        assertThat(d.get("notes")).as("the campaign journaled none").isEqualTo(List.of());
    }

    @Test
    void theNotesACampaignJournaledAtItsStartAreOnItsPage() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "campaign-started");
        d.put("goal", "make 2 g of SrTiO3");
        d.put("notes", List.of("the simulated lab has no chemistry for SrCO3 + TiO2"));
        feed(Type.DECISION, null, d);
        assertThat(view.detail(LIVE).get("notes")).isEqualTo(List.of("the simulated lab has no chemistry for SrCO3 + TiO2"));
    }

    @Test
    void anOperatorsPauseHoldsUntilResumedAndAFaultDuringItKeepsTheOperatorsReason() {
        campaignStarted(PLAN);
        assertThat(view.status(LIVE)).isEqualTo("running");
        feed(Type.RUN_PAUSED, null, Map.of("reason", "paused by the operator (ana): exhaust check"));
        assertThat(view.summary(LIVE)).containsEntry("status", "paused").containsEntry("statusReason", "paused by the operator (ana): exhaust check");
        feed(Type.RUN_PAUSED, null, Map.of("reason", "box-furnace-1 is offline", "experiment", "e2"));
        assertThat(view.summary(LIVE)).containsEntry("statusReason", "paused by the operator (ana): exhaust check");
        feed(Type.RUN_RESUMED, null, Map.of());
        assertThat(view.summary(LIVE)).containsEntry("status", "running").containsEntry("statusReason", null);
    }

    @Test
    void aFaultOnARunningCampaignPausesItWithTheFaultAsReason() {
        campaignStarted(PLAN);
        feed(Type.RUN_PAUSED, null, Map.of("reason", "xrd-1 did not answer within 60 s", "experiment", "e1"));
        assertThat(view.summary(LIVE)).containsEntry("status", "paused").containsEntry("statusReason", "xrd-1 did not answer within 60 s");
    }

    @Test
    void anExperimentsOwnPauseEventIsNotTheRuns() {
        campaignStarted(PLAN);
        feed(Type.RUN_PAUSED, "e1", Map.of("reason", "experiment-level"));
        assertThat(view.status(LIVE)).isEqualTo("running");
    }

    @Test
    void withoutAProcessARunIsInterruptedStartingOrFailedByWhatTheJournalHolds() {
        RunView empty = new RunView("new");
        assertThat(empty.status(new RunView.Process(false, true, Optional.empty()))).isEqualTo("starting");
        assertThat(empty.summary(GONE)).containsEntry("status", "failed")
                .containsEntry("statusReason", "the campaign ended before it journaled anything");
        campaignStarted(PLAN);
        experiment(1, 0.2, null);
        assertThat(view.summary(GONE)).containsEntry("status", "interrupted");
        assertThat((String) view.summary(GONE).get("statusReason")).contains("resume continues it");
        assertThat(view.status(LIVE)).isEqualTo("running");
    }

    @Test
    void whatTheWebAskedForStandsUntilTheCampaignJournalsItsOwnSettings() {
        view.asked(new CampaignLauncher.Launch("make MgO at 1100 °C", 4, "grid", 7, null, "r7"));
        assertThat(view.summary(GONE)).containsEntry("goal", "make MgO at 1100 °C").containsEntry("budget", 4)
                .containsEntry("strategy", "grid").containsEntry("status", "failed");
        campaignStarted(PLAN);
        assertThat(view.summary(LIVE)).containsEntry("goal", "make ZnAl2O4 below 1200 °C").containsEntry("budget", 6);
    }

    @Test
    void anAbortedCampaignIsAbortedWhetherOrNotItsProcessStillRuns() {
        campaignStarted(PLAN);
        experiment(1, null, null);
        feed(Type.DECISION, null, Map.of("kind", "campaign-stopped", "stopReason", "aborted", "explanation", "aborted by the operator"));
        assertThat(view.status(LIVE)).isEqualTo("aborted");
        assertThat(view.status(GONE)).isEqualTo("aborted");
        assertThat(view.summary(GONE).get("best")).as("an experiment that measured nothing is no best").isNull();
    }

    @Test
    void aFailedOrLostExperimentShowsNoTargetFractionAndIsNeverTheBest() {
        campaignStarted(PLAN);
        experiment(1, 0.3, null);
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("kind", "experiment");
        failed.put("index", 2);
        failed.put("verdict", "failed");
        failed.put("targetFraction", 0.0);
        feed(Type.ANALYSIS, "e2", failed);
        assertThat(view.summary(GONE).get("best")).isEqualTo(Map.of("index", 1, "targetFraction", 0.3));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) view.detail(GONE).get("results");
        assertThat(rows.get(1)).containsEntry("verdict", "failed").containsEntry("targetFraction", null);
        assertThat(view.summary(GONE)).containsEntry("experiments", 2);
    }

    @Test
    void experimentsProposedButNotYetAnalysedAreUnderWayWhileTheRunGoesOn() {
        campaignStarted(PLAN);
        experiment(1, 0.5, null);
        feed(Type.DECISION, "e2", Map.of("kind", "proposed", "index", 2, "parameters", Map.of("temperatureC", 1100.0)));
        feed(Type.DECISION, "e3", Map.of("kind", "proposed", "index", 3, "parameters", Map.of("temperatureC", 1150.0)));
        assertThat(view.detail(LIVE).get("underWay")).isEqualTo(List.of(
                Map.of("index", 2, "parameters", Map.of("temperatureC", 1100.0)),
                Map.of("index", 3, "parameters", Map.of("temperatureC", 1150.0))));
        assertThat(view.lastSeq()).isEqualTo(seq);
    }

    @Test
    void aPlanThatCannotBeReadLeavesTheRestOfThePage() {
        campaignStarted("{not json");
        experiment(1, 0.7, null);
        Map<String, Object> d = view.detail(LIVE);
        assertThat(d).containsEntry("plan", null).containsEntry("target", null).containsEntry("experiments", 1);
    }

    @Test
    void whoTookAnInterruptedRunUpAndWhyIsShownUntilTheNextTime() {
        campaignStarted(PLAN);
        experiment(1, 0.5, null);
        assertThat(view.summary(GONE)).containsEntry("status", "interrupted").containsEntry("resumed", null);
        assertThat((String) view.summary(GONE).get("statusReason")).contains("resume continues it").contains("abort ends it");

        feed(Type.DECISION, null, Map.of("kind", "campaign-resumed", "by", "ada via web from 127.0.0.1", "reason", "power back",
                "at", "2026-03-02T09:00:00Z"));
        assertThat(view.summary(LIVE)).containsEntry("status", "running")
                .containsEntry("resumed", Map.of("by", "ada via web from 127.0.0.1", "reason", "power back", "at", "2026-03-02T09:00:00Z"));
        feed(Type.DECISION, null, Map.of("kind", "campaign-resumed", "by", "bo", "reason", "", "at", "2026-03-03T09:00:00Z"));
        assertThat(view.summary(LIVE).get("resumed")).isEqualTo(Map.of("by", "bo", "reason", "", "at", "2026-03-03T09:00:00Z"));
    }
}
