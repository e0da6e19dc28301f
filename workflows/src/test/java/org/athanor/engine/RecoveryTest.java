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
        return crashDuring(Action.XRD);
    }

    /** Runs until the step of {@code stuck} is on the instrument, then "crashes" (the engine is dropped mid-step). */
    private Recorder crashDuring(Action stuck) throws Exception {
        Recorder journal = new Recorder();
        CountDownLatch never = new CountDownLatch(1);
        EngineConfig.Builder b = Engine.builder().clock(clock).journal(journal);
        for (Action a : List.of(Action.DISPENSE, Action.HEAT, Action.XRD)) {
            b.handler(a == stuck ? new FakeHandler(a, c -> {
                never.await();
                return StepResult.EMPTY;
            }) : FakeHandler.instant(a));
        }
        Engine first = b.build();
        first.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        journal.await(Type.STEP_DISPATCHED, stuck.name().toLowerCase(java.util.Locale.ROOT));
        first.close();
        return journal;
    }

    /** The engine of the process after the crash: instant dispense and XRD, {@code heat} as given, the same journal. */
    private Engine restartedWith(FakeHandler heat, Recorder journal) {
        return Engine.builder().handler(FakeHandler.instant(Action.DISPENSE)).handler(heat)
                .handler(FakeHandler.instant(Action.XRD)).clock(clock).journal(journal).build();
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
        Recorder journal = crashDuring(Action.HEAT);
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        FakeHandler heat = FakeHandler.instant(Action.HEAT);

        try (Engine second = restartedWith(heat, journal)) {
            second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), past,
                    c -> new Reconciliation.Interrupted("furnace found at 420 °C, program stopped at segment 1"));
            EngineEvent marked = journal.await(Type.SAMPLE_MARKED, "heat");
            assertThat(marked.text("reason")).contains("program stopped");
            assertThat(journal.await(Type.RUN_PAUSED, null).text("reason")).contains("program stopped");
            assertThat(heat.calls).isEmpty();
            assertThat(journal.state("r1").experiments().get("1").status("heat")).isEqualTo(RunState.StepStatus.INTERRUPTED);
        }
    }

    @Test
    void aHeatingItsFurnaceHasNotFinishedIsStoppedWhenTheRecoveredRunIsAbortedAndNeverSentAgain() throws Exception {
        Recorder journal = crashDuring(Action.HEAT);
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        String command = past.inFlight().get(0).commandId();
        FakeHandler heat = FakeHandler.instant(Action.HEAT);

        try (Engine second = restartedWith(heat, journal)) {
            second.pause("r1", "settling"); // as a resumed campaign settles: nothing is dispatched meanwhile
            RunHandle h = second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), past, c -> Reconciliation.NOT_FINISHED);
            journal.await(Type.STEP_RECONCILED, "heat");
            second.abort("r1", "by the operator: end of shift");
            RunOutcome out = h.outcome().get(10, TimeUnit.SECONDS);

            assertThat(out.status()).isEqualTo(RunOutcome.Status.ABORTED);
            awaitAbort(heat); // told on a worker thread: it may come just after the outcome
            assertThat(heat.aborts).as("the furnace told to stop the program it may still run")
                    .extracting(StepContext::commandId).containsExactly(command);
            assertThat(heat.calls).as("the heating never sent again").isEmpty();
            assertThat(journal.await(Type.SAMPLE_MARKED, null).text("reason")).contains("end of shift");
        }
    }

    @Test
    void aHeatingStillBeingReconciledWhenTheRecoveredRunIsAbortedIsStopped() throws Exception {
        Recorder journal = crashDuring(Action.HEAT);
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        FakeHandler heat = new FakeHandler(Action.HEAT, c -> StepResult.EMPTY) {
            @Override
            public void abort(StepContext c) {
                super.abort(c);
                stopped.countDown();
            }
        };

        try (Engine second = restartedWith(heat, journal)) {
            second.pause("r1", "settling");
            RunHandle h = second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), past, c -> {
                asked.countDown();
                answer.await();
                return Reconciliation.NOT_FINISHED;
            });
            assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
            second.abort("r1", "by the operator: end of shift");
            assertThat(stopped.await(10, TimeUnit.SECONDS)).as("the furnace told to stop while the reconciliation is out").isTrue();
            answer.countDown();

            assertThat(h.outcome().get(10, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.ABORTED);
            assertThat(heat.calls).isEmpty();
        }
    }

    @Test
    void aRecoveryAbortedFromItsRegistrationEndsAHeatingAnsweredAtOnceAsStoppedByTheAbortNotAsAnInterruption() throws Exception {
        // The instrument answers before any later abort could be applied: the race the abort at registration removes.
        Recorder journal = crashDuring(Action.HEAT);
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        String command = past.inFlight().get(0).commandId();
        FakeHandler heat = FakeHandler.instant(Action.HEAT);

        try (Engine second = restartedWith(heat, journal)) {
            RunOutcome out = second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), past,
                    c -> new Reconciliation.Interrupted("the lab that ran it stopped with the previous process"),
                    "by the operator: furnace room evacuated").outcome().get(10, TimeUnit.SECONDS);

            assertThat(out.status()).isEqualTo(RunOutcome.Status.ABORTED);
            awaitAbort(heat);
            assertThat(heat.aborts).as("the furnace told to stop the program").extracting(StepContext::commandId).containsExactly(command);
            assertThat(heat.calls).as("the heating never sent again").isEmpty();
            EngineEvent failed = journal.await(Type.STEP_FAILED, "heat");
            assertThat(failed.text("reason")).startsWith("stopped by the abort");
            assertThat(journal.of(Type.RUN_PAUSED)).as("no pause for a heating the campaign would decide about").isEmpty();
            journal.await(Type.RUN_FINISHED, null);
            assertThat(journal.of(Type.SAMPLE_MARKED)).as("the sample marked in the operator's words")
                    .anyMatch(e -> e.text("reason").contains("furnace room evacuated"));
        }
    }

    private static void awaitAbort(FakeHandler handler) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handler.aborts.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aRecoveryAbortedFromItsRegistrationWithNothingInFlightEndsAtOnce() throws Exception {
        Recorder journal = crashDuring(Action.HEAT);
        RunState.Experiment past = journal.state("r1").experiments().get("1");
        FakeHandler heat = FakeHandler.instant(Action.HEAT);
        try (Engine second = restartedWith(heat, journal)) {
            RunState.Experiment settled = new RunState.Experiment(past.experiment(), past.workflowJson(),
                    Map.of("dispense", past.steps().get("dispense")), past.measurements(), past.markedSamples(), past.finishedStatus());
            RunOutcome out = second.recover(new RunRequest("r1", "1", past.workflow().orElseThrow(), true), settled,
                    Reconciler.RESEND, "by the operator: end of shift").outcome().get(10, TimeUnit.SECONDS);
            assertThat(out.status()).isEqualTo(RunOutcome.Status.ABORTED);
            assertThat(heat.calls).isEmpty();
        }
    }
}
