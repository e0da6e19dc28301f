package org.athanor.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/** The engine's mutable state of one execution (one experiment of a run). Used only on the engine's thread. */
final class Execution {

    enum Phase { AWAITING_APPROVAL, RUNNING, FINISHED }

    enum Status { PENDING, RECONCILING, CHECKING, RUNNING, DONE, FAILED, INTERRUPTED, SKIPPED }

    /** One step's state. */
    static final class Slot {
        final Execution execution;
        final Step step;
        Status status = Status.PENDING;
        /** The last attempt dispatched (0 = never). */
        int attempt;
        /** Re-send the last attempt's command id instead of a new attempt (reconciliation said "not finished"). */
        boolean resendSameCommand;
        /** A dispatch check said "wait"; set back to false by the retry timer. */
        boolean waitingRetry;
        int waits;
        StepResult result;
        /** The steps this one waits for (resolved once: scheduling asks on every event). */
        List<Slot> predecessors = List.of();

        Slot(Execution execution, Step step) {
            this.execution = execution;
            this.step = step;
        }

        String commandId() {
            return CommandIds.of(execution.request.runId(), execution.request.experiment(), step.id(), attempt);
        }

        boolean settled() {
            return status == Status.DONE || status == Status.SKIPPED;
        }

        boolean active() {
            return status == Status.CHECKING || status == Status.RUNNING || status == Status.RECONCILING;
        }
    }

    final RunRequest request;
    final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    final Map<String, Slot> slots = new LinkedHashMap<>();
    final Map<String, String> markedSamples = new LinkedHashMap<>();
    Phase phase;
    String abortReason;
    /** Why a fault of this experiment paused its run (null while healthy); cleared when the run is resumed. */
    String fault;

    Execution(RunRequest request, Phase phase) {
        this.request = request;
        this.phase = phase;
        for (Step s : request.workflow().steps()) {
            slots.put(s.id(), new Slot(this, s));
        }
        for (Slot slot : slots.values()) {
            slot.predecessors = request.workflow().predecessors(slot.step).stream()
                    .map(slots::get).filter(java.util.Objects::nonNull).toList();
        }
    }

    Workflow workflow() {
        return request.workflow();
    }

    String runId() {
        return request.runId();
    }

    String experiment() {
        return request.experiment();
    }

    boolean ready(Slot slot) {
        if (slot.status != Status.PENDING || slot.waitingRetry) {
            return false;
        }
        for (Slot pre : slot.predecessors) {
            if (!pre.settled()) {
                return false;
            }
        }
        return true;
    }

    boolean allSettled() {
        return slots.values().stream().allMatch(Slot::settled);
    }

    boolean anyActive() {
        return slots.values().stream().anyMatch(Slot::active);
    }

    List<Slot> unsettledOfSample(String sample) {
        return slots.values().stream().filter(s -> !s.settled() && sample.equals(s.step.sample())).toList();
    }

    Map<String, StepResult> results() {
        Map<String, StepResult> out = new LinkedHashMap<>();
        slots.forEach((id, s) -> {
            if (s.status == Status.DONE && s.result != null) {
                out.put(id, s.result);
            }
        });
        return out;
    }
}
