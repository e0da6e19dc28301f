package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "optimize", description = "(not built yet)")
public class OptimizeCommand extends NotBuiltYet {
}
