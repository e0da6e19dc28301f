package org.athanor.agent.campaign;

import java.io.PrintStream;
import java.nio.file.Path;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.engine.RunState;

/**
 * Continues a campaign run that was interrupted (a crash, a kill, a pause across restarts) from its journal. The
 * campaign runner implements it as a CDI bean; {@code athanor resume} calls it.
 *
 * <p>Contract: recover each unfinished experiment with {@link org.athanor.engine.Engine#recover} (finished steps are
 * not repeated; in-flight ones are reconciled through the instrument's command ids), decide about samples marked
 * "heating interrupted", then go on with the campaign's loop where the journal says it stopped, appending to the
 * same journal, and print the report exactly as {@code athanor run} does.
 */
public interface CampaignResumer {

    /**
     * @param runId         the run to continue
     * @param dataDirectory where the journal and the run's files live
     * @param journal       the open journal (append to it; do not close it)
     * @param state         the run's state as journaled
     * @param json          print the report as JSON (the demo's form) rather than text
     * @param out           where to print the report
     */
    record Request(String runId, Path dataDirectory, JdbcJournal journal, RunState state, boolean json, PrintStream out) {
    }

    /** Continues the run; returns an {@code ExitCodes} value. */
    int resume(Request request);
}
