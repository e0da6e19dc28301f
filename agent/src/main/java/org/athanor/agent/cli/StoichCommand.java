package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "stoich", description = "(not built yet)")
public class StoichCommand extends NotBuiltYet {
}
