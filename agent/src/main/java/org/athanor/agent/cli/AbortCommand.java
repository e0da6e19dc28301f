package org.athanor.agent.cli;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.athanor.agent.campaign.CampaignResumer;
import org.athanor.agent.campaign.OperatorControl;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.athanor.agent.campaign.OperatorRequests;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalFiles;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.JournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code athanor abort ID | --all}: stop a running campaign, or every run of the lab, with its instruments made safe;
 * or end an interrupted run (no process drives it) from its journal; {@code --all} does both.
 */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Abort a running campaign, or with --all every run of the lab, running or interrupted: steps in flight bring their instruments "
                + "to a safe state (a furnace stops heating), samples with unfinished steps are marked, and the campaign "
                + "stops with its report. A run that was interrupted (its process ended) is taken up from the journal to "
                + "be aborted the same way: its steps that were in flight are reconciled with the instruments and made "
                + "safe, nothing new is dispatched, and the report is printed. The journal records who and why. An "
                + "aborted run cannot be resumed.")
public class AbortCommand extends OperatorCommand {

    @Option(names = "--json", description = "Print the report of an interrupted run's abort as JSON.")
    boolean json;

    @Inject
    Instance<CampaignResumer> resumers;

    @Override
    protected Action action() {
        return Action.ABORT;
    }

    @Override
    public Integer call() {
        Path dir = JournalSettings.dataDirectory(data);
        if (target.all) {
            return abortAll(dir);
        }
        try {
            if (new OperatorRequests(dir).live(target.runId)) {
                return super.call();
            }
        } catch (IOException e) {
            System.err.println("athanor abort: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return ResumeCommand.fromJournal(dir, target.runId, OperatorControl.Request.now(Action.ABORT, reason, by()), json, resumers);
    }

    /** The whole lab: the runs going now are asked to abort; then each interrupted run is ended from its journal. */
    private int abortAll(Path dir) {
        int rc = super.call();
        List<String> interrupted;
        try (JdbcJournal journal = JournalFiles.openExisting(dir)) {
            interrupted = new OperatorRequests(dir).interrupted(journal::events);
        } catch (JournalException e) {
            interrupted = List.of(); // no journal: no run ever started, so none was interrupted
        } catch (IOException e) {
            System.err.println("athanor abort: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (interrupted.isEmpty()) {
            System.out.println("no interrupted run to abort");
        }
        for (String id : interrupted) {
            System.out.println("run " + id + " was interrupted (no process drives it): aborting it from its journal");
            rc = Math.max(rc, ResumeCommand.fromJournal(dir, id, OperatorControl.Request.now(Action.ABORT, reason, by()), json, resumers));
        }
        return rc;
    }
}
