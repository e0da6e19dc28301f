package org.athanor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.athanor.engine.Workflows.heat;
import static org.athanor.engine.Workflows.of;
import static org.athanor.engine.Workflows.step;
import static org.athanor.engine.Workflows.synthesis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 1e6);
    private final Recorder journal = new Recorder();
    private final List<Engine> engines = new ArrayList<>();
    private final FakeHandler dispense = FakeHandler.instant(Action.DISPENSE);
    private final FakeHandler heat = FakeHandler.instant(Action.HEAT);
    private final FakeHandler xrd = new FakeHandler(Action.XRD,
            c -> StepResult.of(new Measurement("xrd", c.step().sample(), Map.of("peaks", List.of(31.5, 45.2)))));

    @AfterEach
    void close() {
        engines.forEach(Engine::close);
    }

    private Engine engine(EngineConfig.Builder b) {
        Engine e = b.clock(clock).journal(journal).build();
        engines.add(e);
        return e;
    }

    private EngineConfig.Builder lab() {
        return Engine.builder().handler(dispense).handler(heat).handler(xrd);
    }

    private static RunOutcome outcome(RunHandle h) throws Exception {
        return h.outcome().get(10, TimeUnit.SECONDS);
    }

    @Test
    void runsEveryStepOfAWorkflowInOrderAndJournalsTheMeasurement() throws Exception {
        Engine engine = engine(lab());
        RunOutcome out = outcome(engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true)));

        assertThat(out.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(journal.types()).containsSubsequence("run.started", "run.approved", "step.dispatched:dispense", "step.completed:dispense",
                "step.dispatched:heat", "step.completed:heat", "step.dispatched:xrd", "measurement:xrd", "step.completed:xrd", "run.finished");
        assertThat(out.measurements()).extracting(Measurement::sample).containsExactly("S1");
        EngineEvent m = journal.of(Type.MEASUREMENT).get(0);
        assertThat(m.commandId()).isEqualTo(CommandIds.of("r1", "1", "xrd", 1));
        assertThat(m.data()).containsEntry("kind", "xrd").containsEntry("peaks", List.of(31.5, 45.2));
    }

    @Test
    void rejectsAWorkflowWithAnActionNoHandlerServesBeforeAnythingMoves() {
        Engine engine = engine(Engine.builder().handler(dispense));
        var w = of("w", step("d", Action.DISPENSE, "dispenser-1", "S1"), step("r", Action.RAMAN, "raman-1", "S1"));

        assertThatThrownBy(() -> engine.submit(new RunRequest("r1", "1", w, true)))
                .isInstanceOf(UnknownActionException.class).hasMessageContaining("'raman'").hasMessageContaining("step 'r'");
        assertThat(dispense.calls).isEmpty();
    }

    @Test
    void refusesTwoHandlersForTheSameAction() {
        assertThatThrownBy(() -> HandlerRegistry.of(FakeHandler.instant(Action.XRD), FakeHandler.instant(Action.XRD)))
                .hasMessageContaining("two handlers for action 'xrd'");
    }

    @Test
    void anInstrumentServesOneStepAtATimeAcrossRuns() throws Exception {
        FakeHandler slowXrd = new FakeHandler(Action.XRD, c -> {
            c.clock().sleep(Duration.ofMinutes(20));
            return StepResult.EMPTY;
        });
        Engine engine = engine(Engine.builder().handler(dispense).handler(slowXrd));
        List<RunHandle> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(engine.submit(new RunRequest("r" + i, "1", of("w", step("x", Action.XRD, "xrd-1", "S" + i)), true)));
        }
        for (RunHandle h : runs) {
            assertThat(outcome(h).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        }
        assertThat(slowXrd.calls).hasSize(8);
        assertThat(slowXrd.peak.get()).isEqualTo(1);
    }

    @Test
    void stepsOnDifferentInstrumentsRunAtTheSameTime() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        FakeHandler.Behaviour meet = c -> {
            bothStarted.countDown();
            if (!bothStarted.await(10, TimeUnit.SECONDS)) {
                throw new InstrumentFault(InstrumentFault.Kind.TIMEOUT, c.step().instrument(), "the other instrument never started");
            }
            return StepResult.EMPTY;
        };
        FakeHandler x = new FakeHandler(Action.XRD, meet);
        FakeHandler r = new FakeHandler(Action.RAMAN, meet);
        Engine engine = engine(Engine.builder().handler(x).handler(r));
        var w = of("w", step("x", Action.XRD, "xrd-1", "S1"), step("r", Action.RAMAN, "raman-1", "S2", new String[0]));
        // "after": [] makes the Raman step independent of the XRD step
        w = w.withSteps(List.of(w.steps().get(0), Workflows.withParams(new org.athanor.workflow.Step("r", Action.RAMAN, "raman-1", "S2", List.of(), null))));

        assertThat(outcome(engine.submit(new RunRequest("r1", "1", w, true))).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(journal.of(Type.STEP_FAILED)).isEmpty();
    }

    @Test
    void aStepWaitsForEveryStepNamedInItsAfterList() throws Exception {
        Engine engine = engine(Engine.builder().handler(dispense).handler(xrd));
        var w = of("w",
                step("a", Action.DISPENSE, "dispenser-1", "S1"),
                Workflows.withParams(new org.athanor.workflow.Step("b", Action.DISPENSE, "dispenser-1", "S2", List.of(), null)),
                step("c", Action.XRD, "xrd-1", "S1", "a", "b"));

        outcome(engine.submit(new RunRequest("r1", "1", w, true)));

        int c = journal.indexOf(Type.STEP_DISPATCHED, "c");
        assertThat(c).isGreaterThan(journal.indexOf(Type.STEP_COMPLETED, "a")).isGreaterThan(journal.indexOf(Type.STEP_COMPLETED, "b"));
    }

    @Test
    void aFurnaceWithSlotsHeatsCompatibleProgramsTogetherAndAnIncompatibleOneAfter() throws Exception {
        Engine engine = engine(Engine.builder().handler(heat).slots("box-furnace-1", 4));
        engine.pauseAll("loading");
        List<RunHandle> runs = new ArrayList<>();
        double[] temps = {900, 900.5, 1100, 900};
        for (int i = 0; i < temps.length; i++) {
            runs.add(engine.submit(new RunRequest("r" + i, "1", of("w", heat("h", "box-furnace-1", "S" + i, temps[i], 2)), true)));
        }
        engine.resumeAll();
        for (RunHandle h : runs) {
            outcome(h);
        }

        assertThat(heat.calls).hasSize(2);
        assertThat(heat.calls.get(0).samples()).containsExactly("S0", "S1", "S3");
        assertThat(heat.calls.get(1).samples()).containsExactly("S2");
        assertThat(journal.of(Type.STEP_COMPLETED)).hasSize(4);
    }

    @Test
    void aFurnaceWithOneSlotNeverSharesALoad() throws Exception {
        Engine engine = engine(Engine.builder().handler(heat));
        engine.pauseAll("loading");
        RunHandle a = engine.submit(new RunRequest("a", "1", of("w", heat("h", "box-furnace-1", "S1", 900, 2)), true));
        RunHandle b = engine.submit(new RunRequest("b", "1", of("w", heat("h", "box-furnace-1", "S2", 900, 2)), true));
        engine.resumeAll();
        outcome(a);
        outcome(b);

        assertThat(heat.calls).allSatisfy(c -> assertThat(c.load()).hasSize(1));
    }

    @Test
    void pauseTakesEffectAtTheNextSafePointAndResumeContinues() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        CountDownLatch release = dispenseHeldUntilReleased();
        Engine engine = engine(lab().workers(workers));
        RunHandle h = engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        journal.await(Type.STEP_DISPATCHED, "dispense");

        engine.pause("r1", "operator wants a look");
        journal.await(Type.RUN_PAUSED, null);
        release.countDown();
        journal.await(Type.STEP_COMPLETED, "dispense");
        drain(engine, workers);

        assertThat(journal.indexOf(Type.STEP_DISPATCHED, "heat")).isEqualTo(-1);
        assertThat(engine.pauseReason("r1")).contains("operator wants a look");
        engine.resume("r1");
        assertThat(outcome(h).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(journal.indexOf(Type.STEP_DISPATCHED, "heat")).isGreaterThan(journal.indexOf(Type.RUN_RESUMED, null));
        workers.shutdownNow();
    }

    @Test
    void abortMakesTheFurnaceSafeMarksTheSampleAndDispatchesNothingMore() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        FakeHandler furnace = new FakeHandler(Action.HEAT, c -> {
            aborted.await(10, TimeUnit.SECONDS);
            throw new InstrumentFault(InstrumentFault.Kind.REJECTED, "box-furnace-1", "program aborted");
        }) {
            @Override
            public void abort(StepContext c) {
                super.abort(c);
                aborted.countDown();
            }
        };
        Engine engine = engine(Engine.builder().handler(dispense).handler(furnace).handler(xrd));
        RunHandle h = engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        journal.await(Type.STEP_DISPATCHED, "heat");

        engine.abort("r1", "operator abort");
        RunOutcome out = outcome(h);

        assertThat(out.status()).isEqualTo(RunOutcome.Status.ABORTED);
        assertThat(furnace.aborts).extracting(c -> c.step().id()).containsExactly("heat");
        assertThat(out.markedSamples()).containsKey("S1");
        assertThat(xrd.calls).isEmpty();
        assertThat(journal.await(Type.RUN_FINISHED, null).text("status")).isEqualTo("aborted");
    }

    @Test
    void anInstrumentFaultPausesOnlyTheAffectedRunAndResumeRetriesWithANewCommandId() throws Exception {
        xrd.behaviour = c -> {
            if (c.runId().equals("bad") && c.attempt() == 1) {
                throw new InstrumentFault(InstrumentFault.Kind.OFFLINE, "xrd-1", "no heartbeat for 10 s");
            }
            return StepResult.of(new Measurement("xrd", c.step().sample(), Map.of()));
        };
        Engine engine = engine(lab());
        RunHandle bad = engine.submit(new RunRequest("bad", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        RunHandle good = engine.submit(new RunRequest("good", "1", synthesis("w", "S2", "box-furnace-2", 900), true));

        assertThat(outcome(good).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        EngineEvent paused = journal.await(e -> e.type() == Type.RUN_PAUSED && e.runId().equals("bad"), "bad paused");
        assertThat(paused.text("reason")).contains("xrd-1").contains("offline").contains("no heartbeat");
        assertThat(bad.outcome()).isNotDone();

        engine.resume("bad");
        assertThat(outcome(bad).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        List<String> ids = xrd.calls.stream().filter(c -> c.runId().equals("bad")).map(StepContext::commandId).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void anInterruptedHeatingIsNotRestartedOnResumeUntilTheCampaignDecides() throws Exception {
        heat.behaviour = c -> {
            if (c.attempt() == 1) {
                throw new InstrumentFault(InstrumentFault.Kind.INTERLOCK_OPEN, "box-furnace-1", "door opened at 640 °C");
            }
            return StepResult.EMPTY;
        };
        Engine engine = engine(lab());
        RunHandle h = engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        EngineEvent marked = journal.await(Type.SAMPLE_MARKED, "heat");
        assertThat(marked.text("reason")).contains("heating interrupted").contains("interlock open");

        engine.resume("r1");
        EngineEvent resumed = journal.await(Type.RUN_RESUMED, null);
        assertThat(resumed.data().get("awaitingDecision")).isEqualTo(List.of("1/heat"));
        engine.abandonSample("r1", "1", "S1", "campaign: heating interrupted, sample discarded");
        RunOutcome out = outcome(h);

        assertThat(heat.calls).hasSize(1);
        assertThat(xrd.calls).isEmpty();
        assertThat(out.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(out.markedSamples().get("S1")).contains("discarded");
    }

    @Test
    void theCampaignMayDecideToHeatAnInterruptedSampleAgain() throws Exception {
        heat.behaviour = c -> {
            if (c.attempt() == 1) {
                throw new InstrumentFault(InstrumentFault.Kind.ERROR_CODE, "box-furnace-1", "error 17: thermocouple open");
            }
            return StepResult.EMPTY;
        };
        Engine engine = engine(lab());
        RunHandle h = engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        journal.await(Type.SAMPLE_MARKED, "heat");
        engine.retryInterrupted("r1", "1", "heat");
        engine.resume("r1");

        assertThat(outcome(h).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(heat.calls).extracting(StepContext::attempt).containsExactly(1, 2);
    }

    @Test
    void aDispatchCheckMayHoldAStepBackAndThenLetItGo() throws Exception {
        List<String> checked = new java.util.concurrent.CopyOnWriteArrayList<>();
        DispatchCheck cooling = c -> {
            checked.add(c.step().id());
            boolean first = checked.stream().filter(c.step().id()::equals).count() == 1;
            return c.step().action() == Action.HEAT && first
                    ? DispatchVerdict.waitFor("furnace still at 300 °C", Duration.ofMinutes(5)) : DispatchVerdict.PROCEED;
        };
        Engine engine = engine(lab().dispatchCheck(cooling));
        RunOutcome out = outcome(engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true)));

        assertThat(out.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(journal.await(Type.STEP_WAITING, "heat").text("reason")).isEqualTo("furnace still at 300 °C");
        assertThat(heat.calls).hasSize(1);
        assertThat(heat.calls.get(0).attempt()).isEqualTo(1);
    }

    @Test
    void anOperatorsRequestIsJournaledByTheTimeAwaitJournalReturns() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        CountDownLatch release = dispenseHeldUntilReleased();
        Engine engine = engine(lab().workers(workers));
        engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        journal.await(Type.STEP_DISPATCHED, "dispense");

        engine.pause("r1", "checking the exhaust");
        assertThat(engine.awaitJournal(Duration.ofSeconds(5))).isTrue();

        // No waiting here: whoever acknowledges the pause after awaitJournal may tell the operator it is in the journal.
        assertThat(journal.indexOf(Type.RUN_PAUSED, null)).isNotNegative();
        release.countDown();
        engine.resume("r1");
        drain(engine, workers);
        workers.shutdownNow();
    }

    @Test
    void aDispatchCheckThatKeepsSayingWaitPausesTheRun() {
        Engine engine = engine(lab().maxWaits(3).dispatchCheck(c -> DispatchVerdict.waitFor("interlock settling", Duration.ofSeconds(10))));
        engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));

        assertThat(journal.await(Type.RUN_PAUSED, null).text("reason")).contains("waited 3 times").contains("interlock settling");
        assertThat(dispense.calls).isEmpty();
    }

    @Test
    void aDispatchCheckMayPauseTheRunWithItsReason() {
        Engine engine = engine(lab().dispatchCheck(c -> c.step().action() == Action.HEAT
                ? DispatchVerdict.pause("furnace limit lowered to 800 °C since vetting") : DispatchVerdict.PROCEED));
        engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));

        assertThat(journal.await(Type.RUN_PAUSED, null).text("reason")).contains("furnace limit lowered");
        assertThat(heat.calls).isEmpty();
    }

    @Test
    void aRunOnRealHardwareWaitsForAnOperatorWhileADryRunApprovesItself() throws Exception {
        Engine engine = engine(lab());
        RunHandle real = engine.submit(new RunRequest("real", "1", synthesis("w", "S1", "box-furnace-1", 900), false));
        RunHandle dry = engine.submit(new RunRequest("dry", "1", synthesis("w", "S2", "box-furnace-2", 900), true));
        outcome(dry);

        journal.await(e -> e.type() == Type.RUN_AWAITING_APPROVAL && e.runId().equals("real"), "real awaits approval");
        assertThat(dispense.calls).extracting(StepContext::runId).containsExactly("dry");
        engine.approve("real", "1", "operator jdoe");
        assertThat(outcome(real).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(journal.await(e -> e.type() == Type.RUN_APPROVED && e.runId().equals("real"), "approved").text("by")).isEqualTo("operator jdoe");
    }

    @Test
    void aMeasurementIsJournaledBeforeItIsAcknowledged() throws Exception {
        List<Boolean> journaledAtAck = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeHandler acking = new FakeHandler(Action.XRD, c -> StepResult.of(new Measurement("xrd", "S1", Map.of("n", 1)))) {
            @Override
            public void acknowledge(StepContext c, StepResult r) {
                journaledAtAck.add(journal.events.stream().anyMatch(e -> e.type() == Type.MEASUREMENT && c.commandId().equals(e.commandId())));
            }
        };
        Engine engine = engine(Engine.builder().handler(acking));
        outcome(engine.submit(new RunRequest("r1", "1", of("w", step("x", Action.XRD, "xrd-1", "S1")), true)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (journaledAtAck.isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(journaledAtAck).containsExactly(true);
    }

    @Test
    void analysisAndDecisionEventsJoinTheSameStream() throws Exception {
        Engine engine = engine(lab());
        outcome(engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true)));
        engine.record("r1", "1", Type.ANALYSIS, Map.of("targetFraction", 0.93));
        engine.record("r1", null, Type.DECISION, Map.of("next", "raise temperature"));

        assertThat(journal.types()).endsWith("run.finished", "analysis", "decision");
        assertThat(journal.of(Type.ANALYSIS).get(0).time()).isAfterOrEqualTo(journal.of(Type.RUN_FINISHED).get(0).time());
    }

    @Test
    void pausingTheWholeLabHoldsEveryRunAndAbortingItEndsThemAll() throws Exception {
        CountDownLatch release = dispenseHeldUntilReleased();
        Engine engine = engine(lab());
        RunHandle a = engine.submit(new RunRequest("a", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
        RunHandle b = engine.submit(new RunRequest("b", "1", synthesis("w", "S2", "box-furnace-2", 900), true));
        journal.await(Type.STEP_DISPATCHED, "dispense");

        engine.pauseAll("fire drill");
        journal.await(e -> e.type() == Type.RUN_PAUSED && e.runId().equals("b"), "b paused");
        assertThat(journal.of(Type.RUN_PAUSED)).extracting(e -> e.text("reason")).containsOnly("lab paused: fire drill");
        engine.abortAll("building evacuated");
        release.countDown();

        assertThat(outcome(a).status()).isEqualTo(RunOutcome.Status.ABORTED);
        assertThat(outcome(b).status()).isEqualTo(RunOutcome.Status.ABORTED);
        assertThat(heat.calls).isEmpty();
    }

    @Test
    void aJournalThatFailsPausesTheLabAndNothingMoreIsSent() throws Exception {
        Journal broken = new Journal() {
            @Override
            public void append(EngineEvent event) {
                if (event.type() == Type.STEP_DISPATCHED) {
                    throw new JournalException("disk full", null);
                }
                journal.append(event);
            }

            @Override
            public List<EngineEvent> events(String runId) {
                return journal.events(runId);
            }
        };
        Engine engine = Engine.builder().handler(dispense).handler(heat).handler(xrd).clock(clock).journal(broken).build();
        engines.add(engine);
        engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.pauseReason("r1").isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(engine.pauseReason("r1")).get().asString().contains("journal unavailable: disk full");
        assertThat(dispense.calls).isEmpty();
    }

    /** Waits until everything posted so far on the engine thread and the single worker has run, twice over. */
    /** The dispenser holds each step until the returned latch is counted down (at most 10 s). */
    private CountDownLatch dispenseHeldUntilReleased() {
        CountDownLatch release = new CountDownLatch(1);
        dispense.behaviour = c -> {
            release.await(10, TimeUnit.SECONDS);
            return StepResult.EMPTY;
        };
        return release;
    }

    private static void drain(Engine engine, ExecutorService workers) throws Exception {
        for (int i = 0; i < 2; i++) {
            engine.dispatchedSteps();
            workers.submit(() -> { }).get(10, TimeUnit.SECONDS);
            engine.dispatchedSteps();
        }
    }
}
