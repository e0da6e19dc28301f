package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "run", description = "(not built yet)")
public class RunCommand extends NotBuiltYet {
}
