package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "plan", description = "(not built yet)")
public class PlanCommand extends NotBuiltYet {
}
