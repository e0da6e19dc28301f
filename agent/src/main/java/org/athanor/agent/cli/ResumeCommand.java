package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "resume", description = "(not built yet)")
public class ResumeCommand extends NotBuiltYet {
}
