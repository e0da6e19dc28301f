package org.athanor.agent.campaign;

import java.io.PrintStream;
import java.nio.file.Path;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.engine.RunState;

/**
 * Continues a campaign run that was interrupted (a crash, a kill, a pause across restarts) from its journal, or ends
 * it there at an operator's abort. The campaign runner implements it as a CDI bean; {@code athanor resume} and
 * {@code athanor abort} call it.
 *
 * <p>Contract: recover each unfinished experiment with {@link org.athanor.engine.Engine#recover} (finished steps are
 * not repeated; in-flight ones are reconciled through the instrument's command ids), decide about samples marked
 * "heating interrupted", then go on with the campaign's loop where the journal says it stopped, appending to the
 * same journal, and print the report exactly as {@code athanor run} does. Asked to abort, settle the unfinished
 * experiments in the operator's words and stop at once, dispatching nothing new.
 */
public interface CampaignResumer {

    /**
     * @param runId         the run to continue
     * @param dataDirectory where the journal and the run's files live
     * @param journal       the open journal (append to it; do not close it)
     * @param state         the run's state as journaled
     * @param asked         the operator's request that takes the run up: resume it, or abort it (who and why are
     *                      journaled)
     * @param json          print the report as JSON (the demo's form) rather than text
     * @param out           where to print the report
     */
    record Request(String runId, Path dataDirectory, JdbcJournal journal, RunState state, OperatorControl.Request asked,
                   boolean json, PrintStream out) {
        public Request {
            if (asked.action() == OperatorControl.Action.PAUSE) {
                throw new IllegalArgumentException("a run no process drives can be resumed or aborted, not paused");
            }
        }
    }

    /** Continues the run; returns an {@code ExitCodes} value. */
    int resume(Request request);
}
