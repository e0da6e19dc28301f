package org.athanor.agent.cli;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Files;
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
                + "of the whole lab. The journal records who and why.")
public class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The run id.")
    String runId;

    @Option(names = "--all", description = "Lift a pause of the whole lab ('athanor pause --all').")
    boolean all;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the journal and the run's log.")
    String reason = "";

    @Option(names = "--operator", paramLabel = "NAME", description = "Who asks, for the journal (default: the operating-system user).")
    String operator;

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
        String by = OperatorCommand.by(operator);
        if (all) {
            return OperatorCommand.print("resume", requests.toLab(OperatorControl.Action.RESUME, reason, by));
        }
        try {
            if (requests.live(runId)) {
                return OperatorCommand.print("resume", requests.toRun(runId, OperatorControl.Action.RESUME, reason, by));
            }
        } catch (java.io.IOException e) {
            System.err.println("athanor resume: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return fromJournal(dir, runId, OperatorControl.Request.now(OperatorControl.Action.RESUME, reason, by), json, resumers);
    }

    /**
     * Takes up a run that no process drives, from its journal, as the operator asked: continue it, or abort it. The
     * request (who, why) is journaled by the campaign.
     */
    static int fromJournal(Path dir, String runId, OperatorControl.Request asked, boolean json, Instance<CampaignResumer> resumers) {
        String command = "athanor " + asked.action().json();
        try (JdbcJournal journal = JournalFiles.openExisting(dir)) {
            RunState state = journal.state(runId);
            // A campaign held by a pause before its first experiment has events but no experiment: it is resumable.
            if (journal.events(runId).isEmpty()) {
                System.err.println(command + ": " + (Files.isDirectory(dir.resolve("runs").resolve(runId))
                        ? "run " + runId + " journaled nothing (it ended before its campaign started): nothing to " + asked.action().json()
                        : "no run '" + runId + "' in " + journal.settings().describe()));
                return ExitCodes.USAGE;
            }
            if (resumers == null || resumers.isUnsatisfied()) {
                System.err.println(command + ": the campaign runner is not built in this version; run " + runId + " has "
                        + state.unfinished().size() + " unfinished experiment(s) in the journal.");
                return ExitCodes.USAGE;
            }
            return resumers.get().resume(new CampaignResumer.Request(runId, dir, journal, state, asked, json, System.out));
        } catch (JournalException e) {
            System.err.println(command + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
