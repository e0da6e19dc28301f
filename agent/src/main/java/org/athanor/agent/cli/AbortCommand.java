package org.athanor.agent.cli;

import org.athanor.agent.campaign.OperatorControl.Action;
import picocli.CommandLine.Command;

/** {@code athanor abort ID | --all}: stop a running campaign, or every run of the lab, with its instruments made safe. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Abort a running campaign, or every run going in the lab: steps in flight bring their instruments "
                + "to a safe state (a furnace stops heating), samples with unfinished steps are marked, and the campaign "
                + "stops with its report. The journal records who and why. An aborted run cannot be resumed.")
public class AbortCommand extends OperatorCommand {

    @Override
    protected Action action() {
        return Action.ABORT;
    }
}
