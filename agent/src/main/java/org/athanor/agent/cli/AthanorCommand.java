package org.athanor.agent.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The {@code athanor} command line. Each subcommand lives in its own class beside this one. */
@TopCommand
@Command(
        name = "athanor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Autonomous lab orchestration for solid-state materials synthesis.",
        subcommands = {
            DemoCommand.class,
            PlanCommand.class,
            VetCommand.class,
            RunCommand.class,
            ResumeCommand.class,
            PauseCommand.class,
            AbortCommand.class,
            JournalCommand.class,
            ServeCommand.class,
            LabCommand.class,
            FormulaCommand.class,
            StoichCommand.class,
            XrdCommand.class,
            OptimizeCommand.class,
        })
public class AthanorCommand {
}
