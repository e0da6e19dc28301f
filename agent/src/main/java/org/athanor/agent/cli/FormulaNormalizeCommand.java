package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "normalize", description = "(not built yet)")
public class FormulaNormalizeCommand extends NotBuiltYet {
}
