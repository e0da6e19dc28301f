package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athanor.agent.planner.Planners;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.Engine;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.Journal;
import org.athanor.safety.Gate;
import org.athanor.safety.audit.InMemoryAuditLog;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.Test;

/**
 * The follow-up workflow of a re-check, judged by the real gate, and its place in the campaign's journal: a resumed
 * campaign must not take a follow-up for an experiment of its own.
 */
class CharacterisationCheckTest {

    private static final String GOAL = "Make 2 g of phase-pure BaTiO3 from BaCO3 and TiO2, confirm by XRD, stay below 1250 °C";

    private final Gate gate = Gate.standard(new ApprovalTokens("unit-test-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
            new InMemoryAuditLog());

    private static Workflow experiment(String goal) {
        Workflow plan = Planners.offline().plan(goal).workflow();
        var design = ExperimentDesign.around(plan, 1200, 10, false, false);
        var p = new java.util.LinkedHashMap<>(design.startingPoint(plan));
        p.put(ExperimentDesign.TEMPERATURE, 1020.0);
        p.put(ExperimentDesign.HOLD, 1.5);
        return design.apply(plan, "run-t", 3, p);
    }

    @Test
    void forWeakLinesTheFollowUpScansLongerThenTakesARamanSpectrumAndAnalysesBoth() {
        Workflow w = experiment(GOAL);
        String sample = w.stepsOf(Action.XRD).get(0).sample();
        Workflow f = CharacterisationCheck.followUp(w, sample, "xrd-1", Optional.of("raman-1"), true).orElseThrow();
        assertThat(f.id()).isEqualTo(w.id() + "-recheck");
        assertThat(f.steps()).extracting(Step::action).containsExactly(Action.XRD, Action.TRANSFER, Action.RAMAN, Action.ANALYZE);
        assertThat(f.steps()).allSatisfy(s -> assertThat(s.sample()).isEqualTo(sample));
        double planned = w.stepsOf(Action.XRD).get(0).quantity("countTime").orElseThrow().minutes();
        assertThat(f.stepsOf(Action.XRD).get(0).quantity("countTime").orElseThrow().minutes()).isEqualTo(4 * planned);
        assertThat(f.stepsOf(Action.TRANSFER).get(0).text("to")).contains("raman-1");
        assertThat(f.stepsOf(Action.ANALYZE).get(0).params().get("methods")).isEqualTo(List.of("xrd", "raman"));
    }

    @Test
    void theGateApprovesTheFollowUpOnlyForASampleTheLabHolds() {
        Workflow w = experiment(GOAL);
        String sample = w.stepsOf(Action.XRD).get(0).sample();
        Workflow f = CharacterisationCheck.followUp(w, sample, "xrd-1", Optional.of("raman-1"), true).orElseThrow();
        LabState holding = LabState.defaultSimulatedLab().withSamples(CharacterisationCheck.locationsAfter(w));
        assertThat(holding.sampleLocation(sample)).contains("xrd-1");
        var approved = gate.vet(f, holding);
        assertThat(approved.errors()).isEmpty();
        assertThat(approved.approvalTokens()).containsOnlyKeys(f.steps().stream().map(Step::id).toArray(String[]::new));
        var unknown = gate.vet(f, LabState.defaultSimulatedLab());
        assertThat(unknown.approved()).isFalse();
        assertThat(unknown.errors()).extracting(v -> v.rule()).containsOnly("A step acts only on a sample that was filled before it");
    }

    @Test
    void aSampleLeftAtTheRamanSpectrometerIsBroughtBackToTheDiffractometerFirst() {
        Workflow w = experiment("Make 2 g of BaTiO3 from BaCO3 and TiO2, confirm by XRD and Raman, stay below 1250 °C");
        String sample = w.stepsOf(Action.XRD).get(0).sample();
        assertThat(CharacterisationCheck.locationsAfter(w)).containsEntry(sample, "raman-1");
        Workflow f = CharacterisationCheck.followUp(w, sample, "raman-1", Optional.of("raman-1"), true).orElseThrow();
        assertThat(f.steps()).extracting(Step::action)
                .containsExactly(Action.TRANSFER, Action.XRD, Action.TRANSFER, Action.RAMAN, Action.ANALYZE);
        // The experiment's own Raman settings are kept.
        assertThat(f.stepsOf(Action.RAMAN).get(0).params()).isEqualTo(w.stepsOf(Action.RAMAN).get(0).params());
        assertThat(gate.vet(f, LabState.defaultSimulatedLab().withSamples(CharacterisationCheck.locationsAfter(w))).errors()).isEmpty();
    }

    @Test
    void aPoorFitIsFollowedByRamanAloneBecauseCountingLongerCannotSupplyAMissingPhase() {
        Workflow w = experiment(GOAL);
        String sample = w.stepsOf(Action.XRD).get(0).sample();
        Workflow f = CharacterisationCheck.followUp(w, sample, "xrd-1", Optional.of("raman-1"), false).orElseThrow();
        assertThat(f.steps()).extracting(Step::action).containsExactly(Action.TRANSFER, Action.RAMAN, Action.ANALYZE);
        assertThat(f.stepsOf(Action.ANALYZE).get(0).params().get("methods")).isEqualTo(List.of("raman"));
        assertThat(gate.vet(f, LabState.defaultSimulatedLab().withSamples(CharacterisationCheck.locationsAfter(w))).errors()).isEmpty();
    }

    @Test
    void aLabWithoutARamanSpectrometerReMeasuresXrdOnly() {
        Workflow w = experiment(GOAL);
        String sample = w.stepsOf(Action.XRD).get(0).sample();
        Workflow f = CharacterisationCheck.followUp(w, sample, "xrd-1", Optional.empty(), false).orElseThrow();
        assertThat(f.steps()).extracting(Step::action).containsExactly(Action.XRD, Action.ANALYZE);
    }

    // --- the journal

    private static final class ListJournal implements Journal {
        final List<EngineEvent> events = new ArrayList<>();

        @Override
        public synchronized void append(EngineEvent event) {
            events.add(event);
        }

        @Override
        public synchronized List<EngineEvent> events(String runId) {
            return events.stream().filter(e -> runId.equals(e.runId())).toList();
        }
    }

    @Test
    void aRecheckedExperimentComesBackFromTheJournalWithItsRecheckAndItsFollowUpIsNotTakenForALostExperiment() throws Exception {
        ListJournal journal = new ListJournal();
        var recheck = new CampaignReport.Recheck("poor fit (Rwp 27.1 %)", "run-j-e1-recheck", "approved",
                List.of(new CampaignReport.Phase("TiO2", "rutile", 0.55, 0.99), new CampaignReport.Phase("BaTiO3", "BaTiO3_P4mm", 0.45, 0.9)),
                28.0, List.of("BaTiO3", "TiO2"), "Raman sees the target, but 60 % ...", 0.46, 0.18, true);
        Workflow plan = Planners.offline().plan(GOAL).workflow();
        try (Engine engine = Engine.builder().clock(new ScaledClock(java.time.Instant.EPOCH, ScaledClock.AS_FAST_AS_PRACTICAL))
                .journal(journal).build()) {
            CampaignJournal record = new CampaignJournal(engine, "run-j");
            record.started(new CampaignRunner.Settings(GOAL, 3, new StopRules(6, 0.95, 4, 0.01), "bo", null, null, "run-j"), plan, false, false,
                    ExperimentDesign.around(plan, 1200, 10, false, false), List.of());
            engine.record("run-j", "e1", EngineEvent.Type.RUN_STARTED, Map.of());
            engine.record("run-j", "e1-recheck", EngineEvent.Type.RUN_STARTED, Map.of());
            record.finished(new CampaignReport.Experiment(1, Map.of("temperatureC", 1000.0, "holdH", 3.0), "approved",
                    List.of(new CampaignReport.Phase("TiO2", "rutile", 0.54, 0.99)), 0.18, 27.1, "continue", null,
                    List.of("re-check: ..."), recheck));
            engine.record("run-j", "e2", EngineEvent.Type.RUN_STARTED, Map.of());
            engine.record("run-j", "e2-recheck", EngineEvent.Type.RUN_STARTED, Map.of());
        }
        var saved = CampaignJournal.read("run-j", journal.events("run-j"));
        assertThat(saved.interrupted()).containsExactly("e2");
        assertThat(saved.finished()).extracting(CampaignReport.Experiment::verdict).containsExactly("approved", "lost");
        CampaignReport.Experiment back = saved.finished().get(0);
        assertThat(back.targetFraction()).isEqualTo(0.18);
        assertThat(back.recheck()).isEqualTo(recheck);
        assertThat(back.decision()).isEqualTo("continue");
    }
}
