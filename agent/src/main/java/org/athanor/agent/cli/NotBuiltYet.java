package org.athanor.agent.cli;

import java.util.concurrent.Callable;

/** Base for a command whose capability is not built yet: it says so and exits 2. */
abstract class NotBuiltYet implements Callable<Integer> {

    @Override
    public Integer call() {
        String name = getClass().getAnnotation(picocli.CommandLine.Command.class).name();
        System.err.println("athanor " + name + ": not built yet in this version.");
        return ExitCodes.USAGE;
    }
}
