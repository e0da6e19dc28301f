package org.athanor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.engine.Workflows.heat;
import static org.athanor.engine.Workflows.of;
import static org.athanor.engine.Workflows.step;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Samples occupy the instruments they are moved into: a robot never loads a furnace that is working or full. */
class EnginePlacesTest {

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 1e6);
    private final Recorder journal = new Recorder();
    private final FakeHandler transfer = FakeHandler.instant(Action.TRANSFER);
    private final FakeHandler xrd = new FakeHandler(Action.XRD, c -> {
        c.clock().sleep(Duration.ofMinutes(30));
        return StepResult.EMPTY;
    });
    private final FakeHandler heat = new FakeHandler(Action.HEAT, c -> {
        c.clock().sleep(Duration.ofHours(6));
        return StepResult.EMPTY;
    });
    private Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Engine engine(EngineConfig.Builder b) {
        engine = b.handler(transfer).handler(heat).handler(xrd).clock(clock).journal(journal).build();
        return engine;
    }

    private static Step move(String id, String sample, String from, String to) {
        return step(id, Action.TRANSFER, "robot-1", sample).withParam("from", from).withParam("to", to);
    }

    /** Load the furnace, fire, unload to the diffractometer, measure. */
    private static Workflow firing(String sample, String furnace, double celsius) {
        return of("w-" + sample, move("load", sample, "mill-1", furnace), heat("heat", furnace, sample, celsius, 2),
                move("unload", sample, furnace, "xrd-1"), step("xrd", Action.XRD, "xrd-1", sample));
    }

    private int index(String runId, Type type, String stepId) {
        for (int i = 0; i < journal.events.size(); i++) {
            EngineEvent e = journal.events.get(i);
            if (e.runId().equals(runId) && e.type() == type && stepId.equals(e.stepId())) {
                return i;
            }
        }
        throw new AssertionError("no " + type.json() + " of " + runId + "/" + stepId + " in " + journal.types());
    }

    private void runAll(Workflow... workflows) throws Exception {
        engine.pauseAll("loading the queue");
        List<RunHandle> runs = new ArrayList<>();
        for (int i = 0; i < workflows.length; i++) {
            runs.add(engine.submit(new RunRequest("r" + i, "1", workflows[i], true)));
        }
        engine.resumeAll();
        for (RunHandle h : runs) {
            assertThat(h.outcome().get(10, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        }
    }

    @Test
    void aSecondCrucibleIsLoadedOnlyOnceTheFirstHasBeenTakenOutOfAOneSlotFurnace() throws Exception {
        engine(Engine.builder());
        runAll(firing("S1", "tube-furnace-1", 900), firing("S2", "tube-furnace-1", 1000));

        assertThat(index("r1", Type.STEP_DISPATCHED, "load")).isGreaterThan(index("r0", Type.STEP_COMPLETED, "unload"));
        assertThat(journal.of(Type.STEP_FAILED)).isEmpty();
    }

    @Test
    void aRobotDoesNotLoadAFurnaceWhileItFiresEvenWithFreeSlots() throws Exception {
        engine(Engine.builder().slots("box-furnace-1", 4));
        runAll(firing("S1", "box-furnace-1", 900), firing("S2", "box-furnace-1", 1100));

        int secondLoad = index("r1", Type.STEP_DISPATCHED, "load");
        assertThat(secondLoad).isGreaterThan(index("r0", Type.STEP_COMPLETED, "heat"));
        assertThat(heat.peak.get()).isEqualTo(1);
    }

    @Test
    void cruciblesInDifferentFurnacesAreLoadedWithoutWaitingForEachOther() throws Exception {
        engine(Engine.builder());
        runAll(firing("S1", "box-furnace-1", 900), firing("S2", "box-furnace-2", 1000));

        assertThat(index("r1", Type.STEP_DISPATCHED, "load")).isLessThan(index("r0", Type.STEP_COMPLETED, "heat"));
        assertThat(heat.peak.get()).isEqualTo(2);
    }

    @Test
    void aSampleNeverTakenOutOfTheDiffractometerFreesItWithItsLastStepThere() throws Exception {
        engine(Engine.builder());
        Workflow a = of("wa", move("to-xrd", "S1", "rack", "xrd-1"), step("xrd", Action.XRD, "xrd-1", "S1"),
                step("wait", Action.XRD, "xrd-2", "S1"));
        Workflow b = of("wb", move("to-xrd", "S2", "rack", "xrd-1"), step("xrd", Action.XRD, "xrd-1", "S2"));
        runAll(a, b);

        int second = index("r1", Type.STEP_DISPATCHED, "to-xrd");
        assertThat(second).isGreaterThan(index("r0", Type.STEP_COMPLETED, "xrd"));
    }

    @Test
    void aShelfNoStepWorksOnIsNotReserved() throws Exception {
        engine(Engine.builder());
        Workflow a = of("wa", move("store", "S1", "mill-1", "rack"), step("xrd", Action.XRD, "xrd-1", "S1"));
        Workflow b = of("wb", move("store", "S2", "mill-1", "rack"), step("xrd", Action.XRD, "xrd-2", "S2"));
        runAll(a, b);

        assertThat(index("r1", Type.STEP_DISPATCHED, "store")).isLessThan(index("r0", Type.STEP_COMPLETED, "xrd"));
    }

    @Test
    void aRecoveredCrucibleStillInTheFurnaceKeepsItsPlace() throws Exception {
        engine(Engine.builder());
        Workflow first = firing("S1", "tube-furnace-1", 900);
        // The journal of a crashed process: S1 was loaded, its firing had not started.
        RunState.Experiment past = RunState.replay("r0", List.of(
                event("e1", Type.RUN_STARTED, null), event("e2", Type.STEP_DISPATCHED, "load"), event("e3", Type.STEP_COMPLETED, "load")))
                .experiments().get("1");
        engine.pauseAll("recovering");
        RunHandle recovered = engine.recover(new RunRequest("r0", "1", first, true), past, ctx -> new Reconciliation.Interrupted("n/a"));
        RunHandle other = engine.submit(new RunRequest("r1", "1", firing("S2", "tube-furnace-1", 1000), true));
        engine.resumeAll();
        assertThat(recovered.outcome().get(10, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(other.outcome().get(10, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.COMPLETED);

        assertThat(index("r1", Type.STEP_DISPATCHED, "load")).isGreaterThan(index("r0", Type.STEP_COMPLETED, "unload"));
    }

    private static EngineEvent event(String id, Type type, String step) {
        return new EngineEvent(id, type, Instant.parse("2026-01-01T00:00:00Z"), "r0", "1", step,
                step == null ? null : CommandIds.of("r0", "1", step, 1), java.util.Map.of("attempt", 1));
    }
}
