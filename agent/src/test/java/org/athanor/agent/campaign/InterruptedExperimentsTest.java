package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.athanor.agent.planner.Planners;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.Engine;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.engine.Journal;
import org.athanor.engine.Reconciler;
import org.athanor.engine.Reconciliation;
import org.athanor.engine.RunOutcome;
import org.athanor.engine.RunRequest;
import org.athanor.engine.RunState;
import org.athanor.engine.StepContext;
import org.athanor.engine.StepHandler;
import org.athanor.engine.StepResult;
import org.athanor.workflow.Action;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** A resumed campaign settles what a stopped process left unfinished, without dispatching any of it again. */
class InterruptedExperimentsTest {

    private static final String RUN = "r1";
    private static final Workflow PLAN = Planners.offline()
            .plan("Make 1 g of SrTiO3 from SrCO3 and TiO2, confirm by XRD, stay below 1300 °C").workflow();

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-03-02T09:00:00Z"), 1e6);
    private final MemoryJournal journal = new MemoryJournal();
    private final List<StepContext> executed = new CopyOnWriteArrayList<>();
    private final CountDownLatch heatOnFurnace = new CountDownLatch(1);
    private final Reconciler labGone = c -> new Reconciliation.Interrupted("the lab that ran " + c.commandId() + " is gone");

    /** A handler per action that records what it is asked to do; heating blocks until {@code heating} opens. */
    private Engine engine(CountDownLatch heating) {
        var b = Engine.builder().clock(clock).journal(journal);
        for (Action a : Action.values()) {
            b.handler(new StepHandler() {
                @Override
                public Action action() {
                    return a;
                }

                @Override
                public StepResult execute(StepContext c) throws InterruptedException {
                    executed.add(c);
                    if (a == Action.HEAT) {
                        heatOnFurnace.countDown();
                        heating.await();
                    }
                    return StepResult.EMPTY;
                }
            });
        }
        return b.build();
    }

    /** Runs experiment e1 until its heat step is on the furnace, then drops the engine (the process "dies"). */
    private String crashDuringHeating() throws InterruptedException {
        Engine first = engine(new CountDownLatch(1));
        first.submit(new RunRequest(RUN, "e1", PLAN, true));
        EngineEvent heat = journal.await(e -> e.type() == Type.STEP_DISPATCHED && "heat".equals(e.text("action")), "heat dispatched");
        assertThat(heatOnFurnace.await(10, TimeUnit.SECONDS)).as("the heat command reached the furnace").isTrue();
        first.close();
        return heat.stepId();
    }

    @Test
    void aHeatStepInFlightIsReconciledUnderItsOwnCommandIdAndNeverDispatchedAgain() throws Exception {
        String heatStep = crashDuringHeating();
        RunState atCrash = journal.state(RUN);
        String heatCommand = atCrash.experiments().get("e1").inFlight().get(0).commandId();
        int eventsAtCrash = journal.events(RUN).size();
        executed.clear();

        try (Engine second = engine(new CountDownLatch(0))) {
            List<RunOutcome> outcomes = InterruptedExperiments.settle(second, atCrash, labGone, true, "sample lost");

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(RunOutcome.Status.ABORTED);
                assertThat(o.markedSamples()).containsKey(PLAN.steps().get(0).sample());
            });
            // settle hands the resume to the engine's thread; it must be journaled before this engine closes
            journal.await(e -> e.type() == Type.RUN_RESUMED && journal.events(RUN).indexOf(e) >= eventsAtCrash, "run resumed");
        }
        List<EngineEvent> after = journal.events(RUN).subList(eventsAtCrash, journal.events(RUN).size());
        assertThat(executed).as("nothing is executed on the instruments again").isEmpty();
        assertThat(after).noneMatch(e -> e.type() == Type.STEP_DISPATCHED);
        assertThat(after).filteredOn(e -> e.type() == Type.STEP_RECONCILED).singleElement().satisfies(e -> {
            assertThat(e.stepId()).isEqualTo(heatStep);
            assertThat(e.commandId()).isEqualTo(heatCommand);
            assertThat(e.text("instrumentSays")).isEqualTo("interrupted");
        });
        RunState.Experiment e1 = journal.state(RUN).experiments().get("e1");
        assertThat(e1.finishedStatus()).isEqualTo("aborted");
        assertThat(e1.status(heatStep)).isEqualTo(RunState.StepStatus.INTERRUPTED);
        assertThat(journal.state(RUN).unfinished()).isEmpty();
        assertThat(after.get(after.size() - 1).type()).as("the run is resumed for the campaign's next experiments").isEqualTo(Type.RUN_RESUMED);
    }

    @Test
    void anExperimentStoppedBetweenTwoStepsDoesNotDispatchItsNextStep() throws Exception {
        crashDuringHeating();
        // The process died after the furnace was loaded, before the heat step was journaled as dispatched.
        List<EngineEvent> events = journal.events(RUN);
        int heatDispatch = events.size() - 1;
        while (events.get(heatDispatch).type() != Type.STEP_DISPATCHED) {
            heatDispatch--;
        }
        journal.truncate(heatDispatch);
        RunState atCrash = journal.state(RUN);
        assertThat(atCrash.experiments().get("e1").inFlight()).isEmpty();
        executed.clear();

        int settledFrom = heatDispatch;
        try (Engine second = engine(new CountDownLatch(0))) {
            InterruptedExperiments.settle(second, atCrash, labGone, true, "sample lost");
            // settle hands the resume to the engine's thread; it must be journaled before this engine closes
            journal.await(e -> e.type() == Type.RUN_RESUMED && journal.events(RUN).indexOf(e) >= settledFrom, "run resumed");
        }
        assertThat(executed).as("the pending heat step of a sample that is gone").isEmpty();
        List<EngineEvent> after = journal.events(RUN);
        assertThat(after.subList(heatDispatch, after.size()))
                .noneMatch(e -> e.type() == Type.STEP_DISPATCHED || e.type() == Type.STEP_RECONCILED)
                .anyMatch(e -> e.type() == Type.SAMPLE_MARKED && e.text("reason").contains("sample lost"));
        assertThat(journal.state(RUN).experiments().get("e1").finishedStatus()).isEqualTo("aborted");
    }

    @Test
    void aRunWithNothingUnfinishedIsLeftAsItIs() throws Exception {
        try (Engine first = engine(new CountDownLatch(0))) {
            RunOutcome done = first.submit(new RunRequest(RUN, "e1", PLAN, true)).outcome().get(10, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        }
        int before = journal.events(RUN).size();
        executed.clear();

        try (Engine second = engine(new CountDownLatch(0))) {
            assertThat(InterruptedExperiments.settle(second, journal.state(RUN), labGone, true, "sample lost")).isEmpty();
        }
        assertThat(journal.events(RUN)).hasSize(before);
        assertThat(executed).isEmpty();
    }

    /** The journal in memory; {@link #await} polls it with a bound. */
    private static final class MemoryJournal implements Journal {
        private final List<EngineEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void append(EngineEvent event) {
            events.add(event);
        }

        @Override
        public List<EngineEvent> events(String runId) {
            return events.stream().filter(e -> e.runId().equals(runId)).toList();
        }

        void truncate(int size) {
            while (events.size() > size) {
                events.remove(events.size() - 1);
            }
        }

        EngineEvent await(Predicate<EngineEvent> p, String what) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (EngineEvent e : events) {
                    if (p.test(e)) {
                        return e;
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            throw new AssertionError("no " + what + " within 10 s; journal: " + events.stream().map(e -> e.type().json()).toList());
        }
    }
}
