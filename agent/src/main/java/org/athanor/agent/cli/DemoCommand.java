package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", description = "(not built yet)")
public class DemoCommand extends NotBuiltYet {
}
