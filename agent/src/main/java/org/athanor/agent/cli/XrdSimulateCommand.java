package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "simulate", description = "(not built yet)")
public class XrdSimulateCommand extends NotBuiltYet {
}
