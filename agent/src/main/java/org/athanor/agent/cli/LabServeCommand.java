package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "serve", description = "(not built yet)")
public class LabServeCommand extends NotBuiltYet {
}
