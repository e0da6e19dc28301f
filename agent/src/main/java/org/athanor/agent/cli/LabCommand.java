package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "lab", description = "(not built yet)")
public class LabCommand extends NotBuiltYet {
}
