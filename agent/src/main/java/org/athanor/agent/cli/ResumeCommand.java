package org.athanor.agent.cli;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.athanor.agent.campaign.CampaignResumer;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalFiles;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.JournalException;
import org.athanor.engine.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code athanor resume ID}: continue an interrupted run from its journal. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run that was interrupted: finished steps are not repeated, steps in flight are reconciled "
                + "with the instruments, and the campaign goes on where it stopped.")
public class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The run id.")
    String runId;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $ATHANOR_DATA or ~/.local/share/athanor).")
    Path data;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Inject
    Instance<CampaignResumer> resumers;

    @Override
    public Integer call() {
        Path dir = JournalSettings.dataDirectory(data);
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
