package org.athanor.agent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.athanor.agent.campaign.OperatorRequests;
import org.athanor.agent.journal.JournalSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code pause} and {@code abort} share: one run or the whole lab, a reason, the data directory. */
abstract class OperatorCommand implements Callable<Integer> {

    /** One run, or the whole lab. */
    static final class Target {
        @Parameters(paramLabel = "ID", description = "The run id.")
        String runId;

        @Option(names = "--all", description = "Every run of the lab (the data directory).")
        boolean all;
    }

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the journal and the run's log.")
    String reason = "";

    @Option(names = "--operator", paramLabel = "NAME", description = "Who asks, for the journal (default: the operating-system user).")
    String operator;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $ATHANOR_DATA or ~/.local/share/athanor).")
    Path data;

    protected abstract Action action();

    @Override
    public Integer call() {
        var requests = new OperatorRequests(JournalSettings.dataDirectory(data));
        return print(action().json(), target.all ? requests.toLab(action(), reason, by()) : requests.toRun(target.runId, action(), reason, by()));
    }

    /** Who asks: {@code --operator}, else the operating-system user. */
    String by() {
        return by(operator);
    }

    static String by(String operator) {
        return operator == null || operator.isBlank() ? OperatorRequests.operator() : operator.strip();
    }

    /** Prints the outcome of an operator's request (what it does, or what was wrong) and gives the exit code. */
    static int print(String command, OperatorRequests.Outcome outcome) {
        if (outcome.done()) {
            System.out.println(outcome.message());
        }
        outcome.details().forEach(System.out::println);
        if (outcome.done()) {
            return ExitCodes.OK;
        }
        System.err.println("athanor " + command + ": " + outcome.message());
        return switch (outcome.result()) {
            case UNKNOWN_RUN, NOT_PAUSED, FAILED -> ExitCodes.USAGE;
            case NOT_RUNNING, NOT_ACKNOWLEDGED, DONE -> ExitCodes.REJECTED;
        };
    }
}
