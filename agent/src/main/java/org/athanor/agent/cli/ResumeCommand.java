package org.athanor.agent.cli;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.athanor.agent.campaign.CampaignResumer;
import org.athanor.agent.campaign.OperatorControl;
import org.athanor.agent.campaign.OperatorRequests;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalFiles;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.JournalException;
import org.athanor.engine.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code athanor resume ID}: lift an operator's pause of a running campaign, or continue an interrupted run from its
 * journal; {@code --all} lifts a pause of the whole lab.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run: a running one that an operator paused goes on; one that was interrupted (its "
                + "process ended) is continued from the journal: finished steps are not repeated, steps in flight are "
                + "reconciled with the instruments, and the campaign goes on where it stopped. With --all, lift a pause "
                + "of the whole lab.")
public class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The run id.")
    String runId;

    @Option(names = "--all", description = "Lift a pause of the whole lab ('athanor pause --all').")
    boolean all;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the journal (a running run or --all).")
    String reason = "";

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $ATHANOR_DATA or ~/.local/share/athanor).")
    Path data;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Inject
    Instance<CampaignResumer> resumers;

    @Override
    public Integer call() {
        Path dir = JournalSettings.dataDirectory(data);
        if (all == (runId != null)) {
            System.err.println("athanor resume: give a run ID or --all (not both)");
            return ExitCodes.USAGE;
        }
        var requests = new OperatorRequests(dir);
        if (all) {
            return OperatorCommand.print("resume", requests.toLab(OperatorControl.Action.RESUME, reason, OperatorRequests.operator()));
        }
        try {
            if (requests.live(runId)) {
                return OperatorCommand.print("resume", requests.toRun(runId, OperatorControl.Action.RESUME, reason, OperatorRequests.operator()));
            }
        } catch (java.io.IOException e) {
            System.err.println("athanor resume: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (JdbcJournal journal = JournalFiles.openExisting(dir)) {
            RunState state = journal.state(runId);
            if (state.isEmpty()) {
                System.err.println("athanor resume: no run '" + runId + "' in " + journal.settings().describe());
                return ExitCodes.USAGE;
            }
            if (resumers == null || resumers.isUnsatisfied()) {
                System.err.println("athanor resume: the campaign runner is not built in this version; run " + runId + " has "
                        + state.unfinished().size() + " unfinished experiment(s) in the journal.");
                return ExitCodes.USAGE;
            }
            return resumers.get().resume(new CampaignResumer.Request(runId, dir, journal, state, json, System.out));
        } catch (JournalException e) {
            System.err.println("athanor resume: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
