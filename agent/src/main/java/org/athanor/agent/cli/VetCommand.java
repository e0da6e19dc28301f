package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "vet", description = "(not built yet)")
public class VetCommand extends NotBuiltYet {
}
