package org.athanor.agent.cli;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.athanor.agent.campaign.CampaignResumer;
import org.athanor.agent.campaign.OperatorControl;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.athanor.agent.campaign.OperatorRequests;
import org.athanor.agent.journal.JournalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code athanor abort ID | --all}: stop a running campaign, or every run of the lab, with its instruments made safe;
 * or end an interrupted run (no process drives it) from its journal.
 */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Abort a running campaign, or every run going in the lab: steps in flight bring their instruments "
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
        if (target.all) {
            return super.call();
        }
        Path dir = JournalSettings.dataDirectory(data);
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
}
