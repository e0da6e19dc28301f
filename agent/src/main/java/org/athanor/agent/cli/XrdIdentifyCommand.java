package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "identify", description = "(not built yet)")
public class XrdIdentifyCommand extends NotBuiltYet {
}
