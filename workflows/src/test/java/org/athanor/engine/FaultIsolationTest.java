package org.athanor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.engine.Workflows.of;
import static org.athanor.engine.Workflows.step;
import static org.athanor.engine.Workflows.synthesis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several experiments of one run side by side (a campaign's batch): a fault ends only the experiment it struck. */
class FaultIsolationTest {

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 1e6);
    private final Recorder journal = new Recorder();
    private final List<Engine> engines = new ArrayList<>();
    private final FakeHandler dispense = FakeHandler.instant(Action.DISPENSE);
    private final FakeHandler heat = FakeHandler.instant(Action.HEAT);
    private final FakeHandler xrd = new FakeHandler(Action.XRD,
            c -> StepResult.of(new Measurement("xrd", c.step().sample(), Map.of())));
    private final FakeHandler raman = FakeHandler.instant(Action.RAMAN);

    @AfterEach
    void close() {
        engines.forEach(Engine::close);
    }

    /** An engine whose campaign answers every pause of run r1 the way a batch does: end the faulted experiments. */
    private Engine isolatingEngine() {
        Engine e = Engine.builder().handler(dispense).handler(heat).handler(xrd).handler(raman).clock(clock).journal(journal).build();
        engines.add(e);
        e.addListener(ev -> {
            if (ev.type() == Type.RUN_PAUSED && ev.runId().equals("r1")) {
                e.abortFaultedExperiments("r1");
            }
        });
        return e;
    }

    private static RunOutcome outcome(RunHandle h) throws Exception {
        return h.outcome().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anInterruptedHeatingEndsItsOwnExperimentWhileTheSiblingOnTheOtherFurnaceFinishes() throws Exception {
        heat.behaviour = c -> {
            if (c.step().instrument().equals("box-furnace-1")) {
                throw new InstrumentFault(InstrumentFault.Kind.INTERLOCK_OPEN, "box-furnace-1", "door opened at 640 °C");
            }
            return StepResult.EMPTY;
        };
        Engine engine = isolatingEngine();
        RunHandle e1 = engine.submit(new RunRequest("r1", "e1", synthesis("w-e1", "S1", "box-furnace-1", 900), true));
        RunHandle e2 = engine.submit(new RunRequest("r1", "e2", synthesis("w-e2", "S2", "box-furnace-2", 950), true));

        RunOutcome faulted = outcome(e1);
        assertThat(faulted.status()).isEqualTo(RunOutcome.Status.ABORTED);
        assertThat(faulted.reason()).contains("paused by a fault").contains("door opened");
        assertThat(faulted.markedSamples()).containsKey("S1");
        assertThat(outcome(e2).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(journal.of(Type.RUN_PAUSED)).first().satisfies(p -> assertThat(p.text("experiment")).isEqualTo("e1"));
        assertThat(xrd.calls).extracting(StepContext::experiment).containsExactly("e2");
        assertThat(heat.calls).extracting(StepContext::experiment).containsExactlyInAnyOrder("e1", "e2");
    }

    @Test
    void twoSiblingsFaultingAtOnceAreBothEndedAndNeitherIsRetriedByTheLiftedPause() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        FakeHandler.Behaviour failTogether = c -> {
            both.countDown();
            both.await(10, TimeUnit.SECONDS);
            throw new InstrumentFault(InstrumentFault.Kind.OFFLINE, c.step().instrument(), "no heartbeat for 10 s");
        };
        xrd.behaviour = failTogether;
        raman.behaviour = failTogether;
        Engine engine = isolatingEngine();
        RunHandle e1 = engine.submit(new RunRequest("r1", "e1", of("w-e1", step("x", Action.XRD, "xrd-1", "S1")), true));
        RunHandle e2 = engine.submit(new RunRequest("r1", "e2", of("w-e2", step("r", Action.RAMAN, "raman-1", "S2")), true));

        assertThat(outcome(e1).status()).isEqualTo(RunOutcome.Status.ABORTED);
        assertThat(outcome(e2).status()).isEqualTo(RunOutcome.Status.ABORTED);
        // A plain resume would send a failed step again with a new command id; the isolated fault is never retried.
        assertThat(xrd.calls).hasSize(1);
        assertThat(raman.calls).hasSize(1);
    }

    @Test
    void aPauseNoExperimentCausedIsLeftToWhoeverPausedTheRun() throws Exception {
        CountDownLatch heating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        heat.behaviour = c -> {
            heating.countDown();
            release.await(10, TimeUnit.SECONDS);
            return StepResult.EMPTY;
        };
        Engine engine = isolatingEngine();
        RunHandle e1 = engine.submit(new RunRequest("r1", "e1", synthesis("w-e1", "S1", "box-furnace-1", 900), true));
        assertThat(heating.await(10, TimeUnit.SECONDS)).isTrue();
        engine.pause("r1", "operator: checking the exhaust");
        release.countDown();
        journal.await(e -> e.type() == Type.STEP_COMPLETED && "heat".equals(e.stepId()), "heat completed");

        assertThat(engine.pauseReason("r1")).contains("operator: checking the exhaust");
        assertThat(journal.of(Type.RUN_PAUSED)).first().satisfies(p -> assertThat(p.data()).doesNotContainKey("experiment"));
        assertThat(xrd.calls).isEmpty();
        engine.resume("r1");
        assertThat(outcome(e1).status()).isEqualTo(RunOutcome.Status.COMPLETED);
    }

    @Test
    void aFaultDuringAnOperatorsPauseEndsItsExperimentButThePauseHolds() throws Exception {
        CountDownLatch heating = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        heat.behaviour = c -> {
            heating.countDown();
            release.await(10, TimeUnit.SECONDS);
            if (c.step().instrument().equals("box-furnace-1")) {
                throw new InstrumentFault(InstrumentFault.Kind.INTERLOCK_OPEN, "box-furnace-1", "door opened at 640 °C");
            }
            return StepResult.EMPTY;
        };
        Engine engine = isolatingEngine();
        RunHandle e1 = engine.submit(new RunRequest("r1", "e1", synthesis("w-e1", "S1", "box-furnace-1", 900), true));
        RunHandle e2 = engine.submit(new RunRequest("r1", "e2", synthesis("w-e2", "S2", "box-furnace-2", 950), true));
        assertThat(heating.await(10, TimeUnit.SECONDS)).isTrue();
        engine.pause("r1", "paused by the operator: checking the exhaust");
        release.countDown();

        assertThat(outcome(e1).status()).as("the faulted experiment ends").isEqualTo(RunOutcome.Status.ABORTED);
        journal.await(e -> e.type() == Type.STEP_COMPLETED && "e2".equals(e.experiment()) && "heat".equals(e.stepId()), "e2 heated");
        assertThat(engine.pauseReason("r1")).as("the operator's pause outlives the fault's isolation")
                .contains("paused by the operator: checking the exhaust");
        assertThat(xrd.calls).as("nothing dispatched while paused").isEmpty();
        assertThat(journal.of(Type.RUN_RESUMED)).isEmpty();

        engine.resume("r1");
        assertThat(outcome(e2).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(xrd.calls).extracting(StepContext::experiment).containsExactly("e2");
    }
}
