package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "formula", description = "Chemical notation: normalise formulas, oxide sums, cement notation and names.", mixinStandardHelpOptions = true,
        subcommands = {FormulaNormalizeCommand.class})
public class FormulaCommand {
}
