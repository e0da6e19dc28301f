package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "formula", description = "(not built yet)")
public class FormulaCommand extends NotBuiltYet {
}
