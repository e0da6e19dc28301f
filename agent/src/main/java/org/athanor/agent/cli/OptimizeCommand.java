package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "optimize", description = "Optimisation strategies.", mixinStandardHelpOptions = true,
        subcommands = {OptimizeBenchmarkCommand.class})
public class OptimizeCommand {
}
