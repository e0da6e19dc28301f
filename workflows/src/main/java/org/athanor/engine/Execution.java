package org.athanor.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.athanor.workflow.Action;
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
        /**
         * Reconciliation said the instrument has not finished the last attempt's command: it may still be carrying it
         * out (a heating program after the agent's restart), so an abort must tell the instrument to stop.
         */
        boolean mayStillRun;
        /** A dispatch check said "wait"; set back to false by the retry timer. */
        boolean waitingRetry;
        int waits;
        StepResult result;
        /** The steps this one waits for (resolved once: scheduling asks on every event). */
        List<Slot> predecessors = List.of();
        /** For a transfer bringing its sample to an instrument it is used on later: that instrument, else null. */
        String destination;
        /** The instrument this step's completion takes its sample out of, or null. */
        String vacates;

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
        placeSamples();
    }

    /**
     * Where transfers put samples: a transfer to an instrument the sample is later worked on in occupies it; the
     * transfer that takes the sample out frees it, or, when the workflow never takes it out (a diffractometer's sample
     * changer ejects it), the sample's last step there does.
     */
    private void placeSamples() {
        List<Slot> all = List.copyOf(slots.values());
        for (int i = 0; i < all.size(); i++) {
            Slot t = all.get(i);
            String sample = t.step.sample();
            if (t.step.action() != Action.TRANSFER || sample == null || !(t.step.params().get("to") instanceof String to)) {
                continue;
            }
            Slot lastThere = null;
            Slot takenOut = null;
            for (Slot later : all.subList(i + 1, all.size())) {
                if (!sample.equals(later.step.sample())) {
                    continue;
                }
                if (later.step.action() == Action.TRANSFER && to.equals(later.step.params().get("from"))) {
                    takenOut = later;
                    break;
                }
                if (to.equals(later.step.instrument())) {
                    lastThere = later;
                }
            }
            if (lastThere != null) { // a shelf or rack no step works on is not an instrument to reserve
                t.destination = to;
                (takenOut != null ? takenOut : lastThere).vacates = to;
            }
        }
    }

    /** A sample's name in the engine's books: unique across runs and experiments sharing the lab. */
    String sampleKey(String sample) {
        return samplePrefix() + sample;
    }

    String samplePrefix() {
        return runId() + "/" + experiment() + "/";
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
