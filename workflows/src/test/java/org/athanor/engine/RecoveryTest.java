package org.athanor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.engine.Workflows.synthesis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.Test;

/** Recovery from a journal as a crashed engine left it (the process-kill version lives in the agent's journal IT). */
class RecoveryTest {

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 1e6);

    /** Runs until the XRD step is on the instrument, then "crashes" (the engine is dropped mid-step). */
    private Recorder crashDuringXrd() throws Exception {
        Recorder journal = new Recorder();
        CountDownLatch never = new CountDownLatch(1);
        FakeHandler xrd = new FakeHandler(Action.XRD, c -> {
            never.await();
            return StepResult.EMPTY;
        });
        Engine first = Engine.builder().handler(FakeHandler.instant(Action.DISPENSE)).handler(FakeHandler.instant(Action.HEAT))
                .handler(xrd).clock(clock).journal(journal).build();
        first.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        journal.await(Type.STEP_DISPATCHED, "xrd");
        first.close();
        return journal;
    }

    @Test
    void theJournalShowsWhichStepsFinishedAndWhichWereInFlight() throws Exception {
        RunState state = crashDuringXrd().state("r1");

        RunState.Experiment e = state.experiments().get("1");
        assertThat(e.status("dispense")).isEqualTo(RunState.StepStatus.COMPLETED);
        assertThat(e.status("heat")).isEqualTo(RunState.StepStatus.COMPLETED);
        assertThat(e.inFlight()).extracting(RunState.StepRecord::stepId).containsExactly("xrd");
        assertThat(e.inFlight().get(0).commandId()).isEqualTo(CommandIds.of("r1", "1", "xrd", 1));
        assertThat(e.workflow()).get().extracting(w -> w.steps().size()).isEqualTo(3);
    }

    @Test
    void aStepTheInstrumentFinishedIsNotRepeatedAndItsMeasurementIsJournaled() throws Exception {
        Recorder journal = crashDuringXrd();
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        FakeHandler dispense = FakeHandler.instant(Action.DISPENSE);
        FakeHandler heat = FakeHandler.instant(Action.HEAT);
        FakeHandler xrd = FakeHandler.instant(Action.XRD);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        Reconciler instrumentKeptIt = c -> {
            asked.add(c.commandId());
            return new Reconciliation.Finished(StepResult.of(new Measurement("xrd", "S1", Map.of("counts", List.of(10, 20)))));
        };

        try (Engine second = Engine.builder().handler(dispense).handler(heat).handler(xrd).clock(clock).journal(journal).build()) {
            RunOutcome out = second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), past, instrumentKeptIt)
                    .outcome().get(10, TimeUnit.SECONDS);

            assertThat(out.status()).isEqualTo(RunOutcome.Status.COMPLETED);
            assertThat(dispense.calls).isEmpty();
            assertThat(heat.calls).isEmpty();
            assertThat(xrd.calls).isEmpty();
            assertThat(asked).containsExactly(CommandIds.of("r1", "1", "xrd", 1));
            assertThat(out.measurements()).extracting(Measurement::data).containsExactly(Map.of("counts", List.of(10, 20)));
            assertThat(journal.state("r1").experiments().get("1").measurements()).hasSize(1);
        }
    }

    @Test
    void aStepThatNeverArrivedIsResentWithTheSameCommandId() throws Exception {
        Recorder journal = crashDuringXrd();
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        FakeHandler xrd = FakeHandler.instant(Action.XRD);

        try (Engine second = Engine.builder().handler(FakeHandler.instant(Action.DISPENSE)).handler(FakeHandler.instant(Action.HEAT))
                .handler(xrd).clock(clock).journal(journal).build()) {
            second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), past, Reconciler.RESEND)
                    .outcome().get(10, TimeUnit.SECONDS);
        }
        assertThat(xrd.calls).extracting(StepContext::commandId).containsExactly(CommandIds.of("r1", "1", "xrd", 1));
    }

    @Test
    void anInterruptedHeatingFoundOnRecoveryMarksTheSampleAndPausesTheRun() throws Exception {
        Recorder journal = new Recorder();
        CountDownLatch never = new CountDownLatch(1);
        Engine first = Engine.builder().handler(FakeHandler.instant(Action.DISPENSE)).handler(new FakeHandler(Action.HEAT, c -> {
            never.await();
            return StepResult.EMPTY;
        })).handler(FakeHandler.instant(Action.XRD)).clock(clock).journal(journal).build();
        first.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        journal.await(Type.STEP_DISPATCHED, "heat");
        first.close();
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        FakeHandler heat = FakeHandler.instant(Action.HEAT);

        try (Engine second = Engine.builder().handler(FakeHandler.instant(Action.DISPENSE)).handler(heat)
                .handler(FakeHandler.instant(Action.XRD)).clock(clock).journal(journal).build()) {
            second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), past,
                    c -> new Reconciliation.Interrupted("furnace found at 420 °C, program stopped at segment 1"));
            EngineEvent marked = journal.await(Type.SAMPLE_MARKED, "heat");
            assertThat(marked.text("reason")).contains("program stopped");
            assertThat(journal.await(Type.RUN_PAUSED, null).text("reason")).contains("program stopped");
            assertThat(heat.calls).isEmpty();
            assertThat(journal.state("r1").experiments().get("1").status("heat")).isEqualTo(RunState.StepStatus.INTERRUPTED);
        }
    }
}
