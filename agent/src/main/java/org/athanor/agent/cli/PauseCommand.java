package org.athanor.agent.cli;

import org.athanor.agent.campaign.OperatorControl.Action;
import picocli.CommandLine.Command;

/** {@code athanor pause ID | --all}: hold a running campaign, or the whole lab, at the next safe point. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause a running campaign, or every run of the lab (with --all, also runs started later), at the "
                + "next safe point: steps already on instruments finish, nothing new starts until 'athanor resume ID' "
                + "(or 'resume --all'). The journal records who and why.")
public class PauseCommand extends OperatorCommand {

    @Override
    protected Action action() {
        return Action.PAUSE;
    }
}
