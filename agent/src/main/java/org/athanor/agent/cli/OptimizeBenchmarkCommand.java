package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "benchmark", description = "(not built yet)")
public class OptimizeBenchmarkCommand extends NotBuiltYet {
}
