package org.athanor.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.athanor.agent.campaign.OperatorControl;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.athanor.agent.campaign.RunLock;

/**
 * What {@code pause}, {@code resume} and {@code abort} share: a request to one running campaign or to the whole lab
 * (every run of the data directory), written for the campaigns' processes to pick up ({@link OperatorControl}), and
 * the wait for them to acknowledge it.
 */
final class OperatorRequests {

    /** How long a command waits for a running campaign to acknowledge; its process polls five times a second. */
    static final long ACK_SECONDS = 10;

    private final String command;
    private final Path dataDirectory;
    private final PrintStream out;
    private final PrintStream err;

    OperatorRequests(String command, Path dataDirectory, PrintStream out, PrintStream err) {
        this.command = command;
        this.dataDirectory = dataDirectory;
        this.out = out;
        this.err = err;
    }

    static String operator() {
        return System.getProperty("user.name", "");
    }

    /** Whether the run exists in the data directory and a process is driving it now. */
    boolean live(String runId) throws IOException {
        return RunLock.isHeld(dataDirectory, runId);
    }

    boolean exists(String runId) {
        return Files.isDirectory(dataDirectory.resolve("runs").resolve(runId));
    }

    int toRun(String runId, Action action, String reason) {
        try {
            if (!exists(runId)) {
                err.println("athanor " + command + ": no run '" + runId + "' in " + dataDirectory);
                return ExitCodes.USAGE;
            }
            if (!live(runId)) {
                err.println("athanor " + command + ": run " + runId + " is not running (no process drives it)"
                        + (action == Action.PAUSE || action == Action.ABORT
                        ? "; nothing to " + action.json() + ". If it was interrupted, 'athanor resume " + runId + "' continues it" : ""));
                return ExitCodes.REJECTED;
            }
            if (action == Action.RESUME && !OperatorControl.acknowledged(dataDirectory, runId).map(OperatorControl.Ack::paused).orElse(false)) {
                err.println("athanor " + command + ": run " + runId + " is already being run by another process and is not paused: "
                        + "nothing to resume");
                return ExitCodes.USAGE;
            }
            OperatorControl.Request sent = OperatorControl.send(OperatorControl.runFile(dataDirectory, runId), action, reason, operator());
            Optional<String> missing = awaitAck(runId, sent.seq(), false);
            if (missing.isPresent()) {
                err.println("athanor " + command + ": " + missing.get());
                return ExitCodes.REJECTED;
            }
            out.println("run " + runId + ": " + done(action));
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("athanor " + command + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    int toLab(Action action, String reason) {
        try {
            List<String> running = new ArrayList<>();
            for (String id : runs()) {
                if (live(id)) {
                    running.add(id);
                }
            }
            OperatorControl.Request sent = OperatorControl.send(OperatorControl.labFile(dataDirectory), action, reason, operator());
            List<String> problems = new ArrayList<>();
            for (String id : running) {
                awaitAck(id, sent.seq(), true).ifPresent(problems::add);
            }
            out.println("lab (" + dataDirectory + "): " + done(action));
            out.println(running.isEmpty() ? "no run is going now" : "runs going now: " + String.join(", ", running));
            if (action == Action.PAUSE) {
                out.println("runs started from now on wait too, until 'athanor resume --all'");
            }
            problems.forEach(p -> err.println("athanor " + command + ": " + p));
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
        } catch (IOException e) {
            err.println("athanor " + command + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private List<String> runs() throws IOException {
        Path dir = dataDirectory.resolve("runs");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits for the run's process to acknowledge the request; what went wrong if it did not. */
    private Optional<String> awaitAck(String runId, long seq, boolean lab) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACK_SECONDS);
        while (true) {
            Optional<OperatorControl.Ack> ack = OperatorControl.acknowledged(dataDirectory, runId);
            if (ack.isPresent() && (lab ? ack.get().labSeq() : ack.get().runSeq()) >= seq) {
                return Optional.empty();
            }
            if (!live(runId)) {
                return Optional.of("run " + runId + " ended before it acknowledged the request");
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("the process driving run " + runId + " has not acknowledged the request within "
                        + ACK_SECONDS + " s; it stays in " + (lab ? OperatorControl.labFile(dataDirectory)
                        : OperatorControl.runFile(dataDirectory, runId)) + " and is applied when the process reads it");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static String done(Action action) {
        return switch (action) {
            case PAUSE -> "paused: steps already on instruments finish (the next safe point), nothing new starts until resumed";
            case RESUME -> "resumed: steps are dispatched again, unless a pause of the whole lab (or of a run) is still in force";
            case ABORT -> "abort requested: steps in flight bring their instruments to a safe state, samples with unfinished steps are "
                    + "marked, and the campaign stops with its report";
        };
    }
}
