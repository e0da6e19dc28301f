package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "journal", description = "(not built yet)")
public class JournalCommand extends NotBuiltYet {
}
