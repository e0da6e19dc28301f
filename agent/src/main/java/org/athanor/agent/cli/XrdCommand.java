package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "xrd", description = "(not built yet)")
public class XrdCommand extends NotBuiltYet {
}
