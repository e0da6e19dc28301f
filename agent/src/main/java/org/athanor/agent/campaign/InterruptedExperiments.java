package org.athanor.agent.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athanor.engine.Engine;
import org.athanor.engine.Reconciler;
import org.athanor.engine.RunHandle;
import org.athanor.engine.RunOutcome;
import org.athanor.engine.RunRequest;
import org.athanor.engine.RunState;
import org.athanor.workflow.Workflow;

/**
 * The experiments a stopped process left unfinished in the journal, settled before a resumed campaign goes on.
 *
 * <p>Each is recovered by the engine, so its finished steps stay finished and its measurements stay journaled. A
 * command that was in flight is reconciled with the lab under its own command id (the journal shows a
 * {@code step.reconciled}, never a second {@code step.dispatched}). Then the experiment is aborted and its sample
 * marked: the sample cannot be carried on, because the lab that held it (the simulated lab of the stopped process)
 * is gone. The run is paused meanwhile, so no step of these experiments is dispatched again; the campaign proposes
 * new experiments instead.
 */
final class InterruptedExperiments {

    /** Wall-time bound for the reconciliations: each is one question to an instrument. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    private InterruptedExperiments() {
    }

    /**
     * Ends every unfinished experiment of {@code state} in the journal as aborted, asking {@code reconciler} about
     * each step that was in flight. Returns how each ended (empty when nothing was unfinished).
     */
    static List<RunOutcome> settle(Engine engine, RunState state, Reconciler reconciler, boolean dryRun, String reason)
            throws CampaignAbortedException {
        return settle(engine, state, reconciler, dryRun, reason, false);
    }

    /**
     * @param operatorAbort the run was taken up to be aborted: each experiment is aborting from its registration, so
     *                      every step in flight ends as stopped by the operator's abort (not, when its instrument
     *                      answers first, as an interrupted heating the campaign would decide about)
     */
    static List<RunOutcome> settle(Engine engine, RunState state, Reconciler reconciler, boolean dryRun, String reason,
                                   boolean operatorAbort) throws CampaignAbortedException {
        List<RunState.Experiment> unfinished = state.unfinished();
        if (unfinished.isEmpty()) {
            return List.of();
        }
        String runId = state.runId();
        // Paused first: a recovered experiment whose next step was never dispatched must not have it dispatched now.
        engine.pause(runId, "settling " + unfinished.size() + " experiment(s) interrupted by a restart");
        try {
            List<RunHandle> handles = new ArrayList<>();
            for (RunState.Experiment e : unfinished) {
                Workflow w = e.workflow().orElseThrow(() -> new CampaignAbortedException(
                        "experiment " + e.experiment() + " of run " + runId + " has no workflow in the journal"));
                handles.add(engine.recover(new RunRequest(runId, e.experiment(), w, dryRun), e, reconciler, operatorAbort ? reason : null));
            }
            engine.abort(runId, reason);
            List<RunOutcome> outcomes = new ArrayList<>();
            for (RunHandle h : handles) {
                outcomes.add(await(h));
            }
            return outcomes;
        } finally {
            engine.resume(runId);
        }
    }

    private static RunOutcome await(RunHandle h) throws CampaignAbortedException {
        try {
            return h.outcome().get(SETTLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CampaignAbortedException("interrupted while settling experiment " + h.experiment(), e);
        } catch (TimeoutException e) {
            throw new CampaignAbortedException("experiment " + h.experiment() + " interrupted by the restart was not settled within "
                    + SETTLE_TIMEOUT.toSeconds() + " s (an instrument did not answer the reconciliation)");
        } catch (ExecutionException e) {
            throw new CampaignAbortedException("experiment " + h.experiment() + " could not be recovered: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
