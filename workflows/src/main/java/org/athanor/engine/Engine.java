package org.athanor.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.LabClock;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.engine.Execution.Slot;
import org.athanor.engine.Execution.Status;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.WorkflowJson;

/**
 * Interprets workflows through a {@link HandlerRegistry}, across many runs on one shared lab.
 *
 * <p>All bookkeeping happens on one engine thread (an actor): submissions, completions, pause, resume and abort are
 * posted to it, so state needs no locks and events come out in one order. Handlers run on a worker pool, and only
 * while their step holds the instrument's claim, so at most one thread per instrument (plus instrument-less steps)
 * is busy; waiting steps hold no thread.
 */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final EngineConfig config;
    private final Claims claims;
    private final EngineLoop loop;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final List<Execution> executions = new ArrayList<>();
    private final Map<String, String> pausedRuns = new LinkedHashMap<>();
    /** Runs an operator paused ({@link #pause}): only {@link #resume} lifts such a pause, never a fault's isolation. */
    private final java.util.Set<String> operatorPaused = new java.util.HashSet<>();
    private String labPause;
    private long dispatched;

    public Engine(EngineConfig config) {
        this.config = config;
        this.claims = new Claims(config.slots());
        this.loop = new EngineLoop(config.journal(), config.clock(), e -> {
            labPause = "journal unavailable: " + e.getMessage();
            activeRunIds().forEach(id -> pausedRuns.putIfAbsent(id, labPause));
        });
        this.workers = config.workers() != null ? config.workers() : Executors.newCachedThreadPool(daemon("athanor-step"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("athanor-engine-timer"));
    }

    public static EngineConfig.Builder builder() {
        return EngineConfig.builder();
    }

    public void addListener(EventListener listener) {
        loop.addListener(listener);
    }

    public void removeListener(EventListener listener) {
        loop.removeListener(listener);
    }

    public LabClock clock() {
        return config.clock();
    }

    /**
     * Starts executing a vetted workflow. Every step's action must have a handler ({@link UnknownActionException}
     * otherwise, before anything moves). The run waits for {@link #approve} unless the approval policy approves it.
     */
    public RunHandle submit(RunRequest request) {
        config.registry().requireHandlersFor(request.workflow());
        boolean approved = config.approvalPolicy().approvesItself(request);
        Execution ex = new Execution(request, approved ? Execution.Phase.RUNNING : Execution.Phase.AWAITING_APPROVAL);
        post(() -> {
            if (!isNew(ex)) {
                return;
            }
            executions.add(ex);
            emit(ex, null, Type.RUN_STARTED, Map.of("workflow", WorkflowJson.write(request.workflow()), "dryRun", request.dryRun()));
            if (approved) {
                emit(ex, null, Type.RUN_APPROVED, Map.of("by", "policy", "dryRun", request.dryRun()));
            } else {
                emit(ex, null, Type.RUN_AWAITING_APPROVAL, Map.of("reason", "runs on real hardware wait for an operator"));
            }
            if (labPause != null && !pausedRuns.containsKey(request.runId())) {
                pauseNow(request.runId(), labPause);
            }
            schedule();
        });
        return new RunHandle(request.runId(), request.experiment(), ex.outcome);
    }

    /**
     * Continues an execution after a crash from its journaled state: finished steps are not repeated, steps that
     * were in flight are reconciled with the instrument through {@code reconciler} using their command ids.
     */
    public RunHandle recover(RunRequest request, RunState.Experiment past, Reconciler reconciler) {
        return recover(request, past, reconciler, null);
    }

    /**
     * As {@link #recover(RunRequest, RunState.Experiment, Reconciler)}, for an execution an operator has asked to
     * abort ({@code abortReason} not null): it is aborting from the moment it is registered, before any of its
     * reconciliations can answer, so a command still on its instrument is told to stop and every step in flight ends
     * as stopped by the abort, however fast the instrument answers.
     */
    public RunHandle recover(RunRequest request, RunState.Experiment past, Reconciler reconciler, String abortReason) {
        config.registry().requireHandlersFor(request.workflow());
        Execution ex = new Execution(request, Execution.Phase.RUNNING);
        Map<String, List<Measurement>> measured = new LinkedHashMap<>();
        for (EngineEvent m : past.measurements()) {
            Map<String, Object> data = new LinkedHashMap<>(m.data());
            data.remove("kind");
            data.remove("sample");
            measured.computeIfAbsent(m.stepId(), k -> new ArrayList<>()).add(new Measurement(m.text("kind"), m.text("sample"), data));
        }
        List<Slot> toReconcile = new ArrayList<>();
        for (Slot s : ex.slots.values()) {
            RunState.StepRecord r = past.steps().get(s.step.id());
            if (r == null) {
                continue;
            }
            s.attempt = r.attempt();
            switch (r.status()) {
                case COMPLETED -> {
                    s.status = Status.DONE;
                    s.result = new StepResult(measured.getOrDefault(s.step.id(), List.of()), Map.of());
                }
                case SKIPPED -> s.status = Status.SKIPPED;
                case FAILED -> s.status = Status.FAILED;
                case INTERRUPTED -> s.status = Status.INTERRUPTED;
                case DISPATCHED -> {
                    s.status = Status.RECONCILING;
                    toReconcile.add(s);
                }
            }
        }
        ex.markedSamples.putAll(past.markedSamples());
        post(() -> {
            if (!isNew(ex)) {
                return;
            }
            executions.add(ex);
            occupyRecovered(ex);
            if (abortReason != null) {
                abortNow(ex, abortReason);
                if (ex.phase == Execution.Phase.FINISHED) {
                    return; // nothing was in flight: aborted at once
                }
            }
            List<String> failed = ex.slots.values().stream()
                    .filter(s -> s.status == Status.FAILED || s.status == Status.INTERRUPTED).map(s -> s.step.id()).toList();
            if (!failed.isEmpty() && abortReason == null) {
                // The journal ended with these steps failed (their run was paused): stay paused until someone decides.
                pauseNow(request.runId(), "recovered with failed or interrupted steps " + failed + " in experiment "
                        + request.experiment() + "; resume to retry, or decide about the marked samples", ex);
            }
            for (Slot s : toReconcile) {
                StepContext ctx = context(s, List.of(s.step));
                workers.execute(() -> reconcile(s, ctx, reconciler));
            }
            finishIfDone(ex);
            schedule();
        });
        return new RunHandle(request.runId(), request.experiment(), ex.outcome);
    }

    /** An operator approves a run that was waiting for approval. */
    public void approve(String runId, String experiment, String operator) {
        post(() -> find(runId, experiment).filter(ex -> ex.phase == Execution.Phase.AWAITING_APPROVAL).ifPresent(ex -> {
            ex.phase = Execution.Phase.RUNNING;
            emit(ex, null, Type.RUN_APPROVED, Map.of("by", operator));
            schedule();
        }));
    }

    /**
     * An operator's pause: stops dispatching the run's steps; steps already on instruments finish (the next safe
     * point). It holds until {@link #resume}: lifting a fault's pause ({@link #abortFaultedExperiments}) leaves it. On a
     * run a fault has already paused, the operator's reason replaces the fault's and is journaled.
     */
    public void pause(String runId, String reason) {
        post(() -> {
            operatorPaused.add(runId);
            if (pausedRuns.containsKey(runId)) {
                pausedRuns.put(runId, reason);
                emit(runId, null, null, null, Type.RUN_PAUSED, Map.of("reason", reason));
            } else {
                pauseNow(runId, reason);
            }
        });
    }

    public void resume(String runId) {
        post(() -> {
            operatorPaused.remove(runId);
            resumeNow(runId, true);
        });
    }

    /**
     * Aborts every execution of the run: nothing more is dispatched, in-flight steps are told to bring their
     * instrument to a safe state, and samples with unfinished steps are marked. In a recovered execution, a step sent
     * before the restart counts as in flight while it is being reconciled and after its instrument said it has not
     * finished it.
     */
    public void abort(String runId, String reason) {
        post(() -> {
            for (Execution ex : List.copyOf(executions)) {
                if (ex.runId().equals(runId)) {
                    abortNow(ex, reason);
                }
            }
        });
    }

    /**
     * Isolates a fault to the experiment it struck, for a run with several experiments under way side by side (a
     * campaign's batch): every experiment of the run whose fault paused it (a failed or interrupted step, a dispatch
     * check that paused, a step that waited too often) is aborted as {@link #abort} would (samples marked, in-flight
     * steps made safe), and the run's pause is then lifted so its other experiments go on. Done in one step on the
     * engine thread, so a sibling's fault that arrives meanwhile is either aborted here or pauses the run afresh; it is
     * never retried by the lifted pause. A pause no experiment caused (an operator's, the lab's) is left alone, and so is
     * the run's pause when an operator paused it as well: the faulted experiments end, the pause holds.
     */
    public void abortFaultedExperiments(String runId) {
        post(() -> {
            List<Execution> faulted = executions.stream()
                    .filter(ex -> ex.runId().equals(runId) && ex.fault != null && ex.abortReason == null).toList();
            if (faulted.isEmpty()) {
                return;
            }
            faulted.forEach(ex -> abortNow(ex, "paused by a fault: " + ex.fault));
            if (labPause == null && !operatorPaused.contains(runId)) {
                resumeNow(runId, true);
            }
        });
    }

    public void pauseAll(String reason) {
        post(() -> {
            labPause = reason;
            activeRunIds().forEach(id -> pauseNow(id, "lab paused: " + reason));
        });
    }

    public void resumeAll() {
        post(() -> {
            labPause = null;
            // Resume every run before scheduling once, so compatible heat steps of different runs share a load.
            List.copyOf(pausedRuns.keySet()).forEach(id -> resumeNow(id, false));
            schedule();
        });
    }

    public void abortAll(String reason) {
        post(() -> List.copyOf(executions).forEach(ex -> abortNow(ex, reason)));
    }

    /** After an interrupted heating program, the campaign's decision: heat the sample again (a new attempt). */
    public void retryInterrupted(String runId, String experiment, String stepId) {
        post(() -> find(runId, experiment).map(ex -> ex.slots.get(stepId)).filter(s -> s.status == Status.INTERRUPTED).ifPresent(s -> {
            s.status = Status.PENDING;
            schedule();
        }));
    }

    /** The campaign's other decision: give the sample up; its unfinished steps are skipped. */
    public void abandonSample(String runId, String experiment, String sample, String reason) {
        post(() -> find(runId, experiment).ifPresent(ex -> {
            List<String> skipped = new ArrayList<>();
            for (Slot s : ex.unsettledOfSample(sample)) {
                if (!s.active()) {
                    s.status = Status.SKIPPED;
                    skipped.add(s.step.id());
                }
            }
            ex.markedSamples.put(sample, reason);
            emit(ex, null, Type.SAMPLE_MARKED, Map.of("sample", sample, "reason", reason, "skippedSteps", skipped));
            finishIfDone(ex);
            schedule();
        }));
    }

    /**
     * Adds an analysis or decision (or any other) event to the stream in order with the engine's own events.
     * Returns once the event is journaled.
     */
    public EngineEvent record(String runId, String experiment, Type type, Map<String, Object> data) {
        if (loop.onLoopThread()) {
            return emit(runId, experiment, null, null, type, data); // stored at the end of this cycle
        }
        CompletableFuture<EngineEvent> done = new CompletableFuture<>();
        post(() -> {
            EngineEvent e = emit(runId, experiment, null, null, type, data);
            loop.afterJournal(() -> done.complete(e));
        });
        return done.join();
    }

    /**
     * Returns once what was asked of the engine before this call (a pause, a resume, an abort) is journaled, so that a
     * reader of the journal sees it; waits at most {@code timeout} (a journal that fails never completes the cycle).
     * Returns at once on the engine's own thread.
     */
    public boolean awaitJournal(java.time.Duration timeout) {
        if (loop.onLoopThread()) {
            return true;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        post(() -> loop.afterJournal(() -> done.complete(null)));
        try {
            done.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Optional<String> pauseReason(String runId) {
        return onLoop(() -> Optional.ofNullable(pausedRuns.get(runId)));
    }

    /** Steps dispatched to instruments so far (all runs). */
    public long dispatchedSteps() {
        return onLoop(() -> dispatched);
    }

    /** Lab-clock nanoseconds each instrument has been claimed, for utilisation figures. */
    public Map<String, Long> instrumentBusyNanos() {
        return onLoop(claims::busyNanos);
    }

    @Override
    public void close() {
        loop.close();
        timers.shutdownNow();
        if (config.workers() == null) {
            workers.shutdownNow();
        }
    }

    // ---- the engine thread -------------------------------------------------------------------------------------

    private void schedule() {
        for (Execution ex : List.copyOf(executions)) {
            if (ex.phase != Execution.Phase.RUNNING || ex.abortReason != null || pausedRuns.containsKey(ex.runId())) {
                continue;
            }
            for (Slot s : ex.slots.values()) {
                if (!ex.ready(s)) {
                    continue;
                }
                String instrument = s.step.instrument();
                if (instrument == null) {
                    check(List.of(s), null);
                } else if (claims.isFree(instrument) && (s.destination == null || claims.canReceive(s.destination, key(s)))) {
                    List<Slot> load = load(s, instrument);
                    claims.take(instrument, load, labNanos());
                    check(load, instrument);
                } else {
                    s.waits = 0; // another step has the instrument: the run of "wait" verdicts is broken, not prolonged
                }
            }
        }
    }

    /** The lead step plus, on a multi-slot furnace, other ready heat steps with a compatible program. */
    private List<Slot> load(Slot lead, String instrument) {
        int capacity = claims.capacity(instrument);
        List<Slot> load = new ArrayList<>(List.of(lead));
        if (lead.step.action() != Action.HEAT || capacity <= 1) {
            return load;
        }
        for (Execution ex : executions) {
            if (ex.phase != Execution.Phase.RUNNING || ex.abortReason != null || pausedRuns.containsKey(ex.runId())) {
                continue;
            }
            for (Slot s : ex.slots.values()) {
                if (load.size() >= capacity) {
                    return load;
                }
                if (s != lead && s.step.action() == Action.HEAT && instrument.equals(s.step.instrument()) && ex.ready(s)
                        && config.heatCompatibility().compatible(lead.step, s.step)) {
                    load.add(s);
                }
            }
        }
        return load;
    }

    private void check(List<Slot> load, String instrument) {
        List<StepContext> contexts = new ArrayList<>();
        for (Slot s : load) {
            s.status = Status.CHECKING;
            if (!s.resendSameCommand) {
                s.attempt++;
            }
            s.resendSameCommand = false;
            s.mayStillRun = false;
            contexts.add(context(s, List.of(s.step)));
        }
        if (config.dispatchCheck() == DispatchCheck.ALWAYS_PROCEED) {
            afterCheck(load, contexts.stream().map(c -> (DispatchVerdict) DispatchVerdict.PROCEED).toList(), instrument);
            return;
        }
        workers.execute(() -> {
            List<DispatchVerdict> verdicts = new ArrayList<>();
            for (StepContext c : contexts) {
                verdicts.add(safeCheck(c));
            }
            post(() -> afterCheck(load, verdicts, instrument));
        });
    }

    /** The check is the agent's computation (re-vetting against live state): lab time stands still meanwhile. */
    private DispatchVerdict safeCheck(StepContext c) {
        try (LabClock.Section computing = config.clock().computing()) {
            return config.dispatchCheck().check(c);
        } catch (RuntimeException e) {
            return DispatchVerdict.pause("dispatch check failed for step '" + c.step().id() + "': " + e);
        }
    }

    private void afterCheck(List<Slot> load, List<DispatchVerdict> verdicts, String instrument) {
        List<Slot> go = new ArrayList<>();
        for (int i = 0; i < load.size(); i++) {
            Slot s = load.get(i);
            DispatchVerdict v = verdicts.get(i);
            if (v instanceof DispatchVerdict.Proceed && s.execution.abortReason == null && !pausedRuns.containsKey(s.execution.runId())) {
                if (s.destination == null || claims.canReceive(s.destination, key(s))) {
                    if (s.destination != null) {
                        claims.occupy(s.destination, key(s)); // before the robot moves: no second sample is sent there
                    }
                    go.add(s);
                    continue;
                }
                // Another sample took the place while this one was checked: try again when it is free, same attempt.
                s.status = Status.PENDING;
                s.resendSameCommand = true;
                continue;
            }
            s.status = Status.PENDING;
            s.resendSameCommand = true; // nothing was sent: the next dispatch is the same attempt
            if (v instanceof DispatchVerdict.Wait w) {
                holdBack(s, w);
            } else if (v instanceof DispatchVerdict.Pause p) {
                pauseNow(s.execution.runId(), "step '" + s.step.id() + "' (experiment " + s.execution.experiment() + "): " + p.reason(), s.execution);
            }
            finishIfDone(s.execution);
        }
        if (go.isEmpty()) {
            if (instrument != null) {
                claims.release(instrument, labNanos());
            }
            schedule();
            return;
        }
        List<Step> steps = go.stream().map(s -> s.step).toList();
        for (Slot s : go) {
            s.status = Status.RUNNING;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("attempt", s.attempt);
            data.put("action", s.step.action().json());
            if (s.step.instrument() != null) {
                data.put("instrument", s.step.instrument());
            }
            if (s.step.sample() != null) {
                data.put("sample", s.step.sample());
            }
            if (go.size() > 1) {
                data.put("load", steps.stream().map(Step::id).toList());
            }
            emit(s.execution, s, Type.STEP_DISPATCHED, data); // journaled before the command leaves
            dispatched++;
        }
        Slot lead = go.get(0);
        StepContext ctx = context(lead, steps);
        StepHandler handler = config.registry().handlerFor(lead.step);
        loop.afterJournal(() -> workers.execute(() -> { // the command leaves only once its dispatch is stored
            try {
                StepResult r = handler.execute(ctx);
                post(() -> completed(go, ctx, handler, r == null ? StepResult.EMPTY : r, instrument, false));
            } catch (InstrumentFault f) {
                post(() -> failed(go, f.reason(), instrument));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                post(() -> failed(go, "handler error in step '" + lead.step.id() + "': " + e, instrument));
            }
        }));
    }

    private void holdBack(Slot s, DispatchVerdict.Wait w) {
        s.waits++;
        emit(s.execution, s, Type.STEP_WAITING, Map.of("reason", w.reason(), "waits", s.waits));
        if (s.waits > config.maxWaits()) {
            pauseNow(s.execution.runId(), "step '" + s.step.id() + "' waited " + config.maxWaits() + " times: " + w.reason(), s.execution);
            s.waits = 0;
            return;
        }
        s.waitingRetry = true;
        LabClock clock = config.clock();
        Instant due = clock.now().plus(w.retryAfter().isNegative() ? Duration.ZERO : w.retryAfter());
        Runnable retry = () -> post(() -> {
            s.waitingRetry = false;
            schedule();
        });
        long wallNanos = (long) (Math.max(0, w.retryAfter().toNanos()) / clock.pace());
        // Waits are counted in lab time (maxWaits checks make hours): a clock that stood still meanwhile (the agent
        // computing) has not brought the retry's lab time yet, so a worker sleeps the rest on the clock.
        timers.schedule(() -> {
            if (!clock.now().isBefore(due)) {
                retry.run();
                return;
            }
            try {
                workers.execute(() -> {
                    try {
                        clock.sleepUntil(due);
                        retry.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the engine is closing
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the engine is closing: nobody waits for the retry
            }
        }, wallNanos, TimeUnit.NANOSECONDS);
    }

    private void completed(List<Slot> load, StepContext ctx, StepHandler handler, StepResult result, String instrument, boolean reconciled) {
        for (Slot s : load) {
            StepResult own = ownShare(s, load, result);
            for (Measurement m : own.measurements()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("kind", m.kind());
                if (m.sample() != null) {
                    data.put("sample", m.sample());
                }
                data.putAll(m.data());
                emit(s.execution, s, Type.MEASUREMENT, data);
            }
            Map<String, Object> data = new LinkedHashMap<>(own.outputs());
            data.put("attempt", s.attempt);
            if (reconciled) {
                data.put("reconciled", true);
            }
            emit(s.execution, s, Type.STEP_COMPLETED, data);
            s.status = Status.DONE;
            s.result = own;
            if (s.vacates != null) {
                claims.vacate(s.vacates, key(s));
            }
        }
        if (instrument != null) {
            claims.release(instrument, labNanos());
        }
        loop.afterJournal(() -> workers.execute(() -> handler.acknowledge(ctx, result))); // only once the journal has it
        load.stream().map(s -> s.execution).distinct().forEach(this::finishIfDone);
        schedule();
    }

    /** A shared furnace result goes to each crucible; a measurement goes to the step of its sample. */
    private static StepResult ownShare(Slot s, List<Slot> load, StepResult result) {
        if (load.size() == 1) {
            return result;
        }
        boolean lead = s == load.get(0);
        List<Measurement> mine = result.measurements().stream()
                .filter(m -> m.sample() == null ? lead : m.sample().equals(s.step.sample())).toList();
        return new StepResult(mine, result.outputs());
    }

    private void failed(List<Slot> load, String reason, String instrument) {
        Set<Execution> faulted = new LinkedHashSet<>();
        for (Slot s : load) {
            boolean interrupted = s.step.action() == Action.HEAT;
            s.status = interrupted ? Status.INTERRUPTED : Status.FAILED;
            // A step of an aborted run failing is the abort taking effect: say so before what the instrument reported.
            String stated = s.execution.abortReason == null ? reason : "stopped by the abort; the instrument reported: " + reason;
            emit(s.execution, s, Type.STEP_FAILED, Map.of("attempt", s.attempt, "reason", stated, "interrupted", interrupted));
            if (interrupted && s.step.sample() != null) {
                String why = "heating interrupted: " + stated;
                s.execution.markedSamples.put(s.step.sample(), why);
                emit(s.execution, s, Type.SAMPLE_MARKED, Map.of("sample", s.step.sample(), "reason", why));
            }
            if (s.execution.abortReason == null) {
                faulted.add(s.execution); // a step of an aborted run failing is the abort taking effect
            }
        }
        if (instrument != null) {
            claims.release(instrument, labNanos());
        }
        for (Slot s : load) {
            if (s.execution.abortReason != null) {
                finishIfDone(s.execution);
            }
        }
        faulted.forEach(ex -> pauseNow(ex.runId(), reason, ex));
        schedule();
    }

    private void reconcile(Slot s, StepContext ctx, Reconciler reconciler) {
        Reconciliation r;
        try {
            r = reconciler.reconcile(ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            r = new Reconciliation.Interrupted("could not ask the instrument: " + e);
        }
        Reconciliation result = r;
        post(() -> {
            String verdict = result instanceof Reconciliation.Finished ? "finished"
                    : result instanceof Reconciliation.Interrupted ? "interrupted" : "not-finished";
            emit(s.execution, s, Type.STEP_RECONCILED, Map.of("attempt", s.attempt, "instrumentSays", verdict));
            if (result instanceof Reconciliation.Finished f) {
                completed(List.of(s), ctx, config.registry().handlerFor(s.step), f.result(), null, true);
            } else if (result instanceof Reconciliation.Interrupted i) {
                s.status = Status.RUNNING;
                failed(List.of(s), i.reason(), null);
            } else {
                s.status = Status.PENDING;
                s.resendSameCommand = true;
                s.mayStillRun = true;
                finishIfDone(s.execution);
                schedule();
            }
        });
    }

    private void pauseNow(String runId, String reason) {
        pauseNow(runId, reason, null);
    }

    /** Pauses the run; {@code cause} is the experiment whose fault it is, if any (named in the event's data). */
    private void pauseNow(String runId, String reason, Execution cause) {
        if (cause != null && cause.fault == null) {
            cause.fault = reason;
        }
        if (pausedRuns.containsKey(runId)) {
            if (cause != null && operatorPaused.contains(runId)) {
                // Held by an operator already: still name the experiment the fault struck, so that its campaign can
                // end it (abortFaultedExperiments) while the operator's pause holds.
                emit(runId, null, null, null, Type.RUN_PAUSED, Map.of("reason", reason, "experiment", cause.experiment()));
            }
            return;
        }
        pausedRuns.put(runId, reason);
        emit(runId, null, null, null, Type.RUN_PAUSED, cause == null ? Map.of("reason", reason)
                : Map.of("reason", reason, "experiment", cause.experiment()));
    }

    private void resumeNow(String runId, boolean scheduleNow) {
        if (pausedRuns.remove(runId) == null) {
            return;
        }
        List<String> awaiting = new ArrayList<>();
        for (Execution ex : executions) {
            if (!ex.runId().equals(runId)) {
                continue;
            }
            ex.fault = null;
            for (Slot s : ex.slots.values()) {
                if (s.status == Status.FAILED) {
                    s.status = Status.PENDING; // a new attempt, with a new command id
                } else if (s.status == Status.INTERRUPTED) {
                    awaiting.add(ex.experiment() + "/" + s.step.id());
                }
            }
        }
        emit(runId, null, null, null, Type.RUN_RESUMED, awaiting.isEmpty() ? Map.of() : Map.of("awaitingDecision", awaiting));
        if (scheduleNow) {
            schedule();
        }
    }

    private void abortNow(Execution ex, String reason) {
        if (ex.phase == Execution.Phase.FINISHED || ex.abortReason != null) {
            return;
        }
        ex.abortReason = reason;
        for (Slot s : ex.slots.values()) {
            // A command sent before a restart may still be running on its instrument, whatever the reconciliation
            // says or has yet to say: the instrument is told to stop it too.
            if (s.status == Status.RUNNING || s.status == Status.RECONCILING || (s.status == Status.PENDING && s.mayStillRun)) {
                StepContext ctx = context(s, List.of(s.step));
                StepHandler h = config.registry().handlerFor(s.step);
                workers.execute(() -> h.abort(ctx));
            }
        }
        finishIfDone(ex);
    }

    private void finishIfDone(Execution ex) {
        if (ex.phase == Execution.Phase.FINISHED) {
            return;
        }
        if (ex.abortReason != null && !ex.anyActive()) {
            Map<String, List<String>> unfinished = new LinkedHashMap<>();
            for (Slot s : ex.slots.values()) {
                if (!s.settled() && s.step.sample() != null) {
                    unfinished.computeIfAbsent(s.step.sample(), k -> new ArrayList<>()).add(s.step.id());
                }
            }
            unfinished.forEach((sample, steps) -> {
                String why = "aborted: " + ex.abortReason;
                ex.markedSamples.put(sample, why);
                emit(ex, null, Type.SAMPLE_MARKED, Map.of("sample", sample, "reason", why, "unfinishedSteps", steps));
            });
            finish(ex, RunOutcome.Status.ABORTED, ex.abortReason);
        } else if (ex.abortReason == null && ex.allSettled()) {
            finish(ex, RunOutcome.Status.COMPLETED, "every step finished");
        }
    }

    private void finish(Execution ex, RunOutcome.Status status, String reason) {
        ex.phase = Execution.Phase.FINISHED;
        executions.remove(ex);
        claims.vacateAll(ex.samplePrefix());
        emit(ex, null, Type.RUN_FINISHED, Map.of("status", status.name().toLowerCase(), "reason", reason));
        RunOutcome outcome = new RunOutcome(ex.runId(), ex.experiment(), status, ex.results(), ex.markedSamples, reason);
        loop.afterJournal(() -> ex.outcome.complete(outcome)); // the caller learns of the end once it is stored
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String key(Slot s) {
        return s.execution.sampleKey(s.step.sample());
    }

    /** A sample the journal shows brought into an instrument and not yet taken out still sits there. */
    private void occupyRecovered(Execution ex) {
        for (Slot t : ex.slots.values()) {
            if (t.destination == null || t.status == Status.PENDING) {
                continue;
            }
            boolean left = ex.slots.values().stream().anyMatch(v -> t.destination.equals(v.vacates)
                    && t.step.sample().equals(v.step.sample()) && v.status == Status.DONE);
            if (!left) {
                claims.occupy(t.destination, key(t));
            }
        }
    }

    private StepContext context(Slot s, List<Step> load) {
        return new StepContext(s.execution.runId(), s.execution.experiment(), s.execution.workflow(), s.step, s.attempt,
                s.commandId(), load, config.clock(), s.execution.request.dryRun());
    }

    private EngineEvent emit(Execution ex, Slot s, Type type, Map<String, Object> data) {
        return emit(ex.runId(), ex.experiment(), s == null ? null : s.step.id(), s == null ? null : s.commandId(), type, data);
    }

    private EngineEvent emit(String runId, String experiment, String stepId, String commandId, Type type, Map<String, Object> data) {
        EngineEvent e = new EngineEvent(java.util.UUID.randomUUID().toString(), type, config.clock().now(), runId, experiment,
                stepId, commandId, data);
        loop.store(e); // stored, then heard by listeners, at the end of this cycle
        return e;
    }

    private void post(Runnable task) {
        loop.post(task);
    }

    private <T> T onLoop(java.util.function.Supplier<T> s) {
        return loop.call(s);
    }

    private boolean isNew(Execution ex) {
        if (find(ex.runId(), ex.experiment()).isPresent()) {
            ex.outcome.completeExceptionally(new IllegalStateException(
                    "run " + ex.runId() + " experiment " + ex.experiment() + " is already executing"));
            return false;
        }
        return true;
    }

    private Optional<Execution> find(String runId, String experiment) {
        return executions.stream().filter(ex -> ex.runId().equals(runId) && ex.experiment().equals(experiment)).findFirst();
    }

    private List<String> activeRunIds() {
        return executions.stream().map(Execution::runId).distinct().toList();
    }

    private long labNanos() {
        Instant now = config.clock().now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
