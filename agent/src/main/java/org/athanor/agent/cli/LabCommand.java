package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "lab", description = "The simulated lab.", mixinStandardHelpOptions = true,
        subcommands = {LabServeCommand.class})
public class LabCommand {
}
