package org.athanor.agent.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.athanor.agent.campaign.OperatorControl.Action;

/**
 * What an operator's pause, resume and abort go through, from the command line or the web: a request to one running
 * campaign or to the whole lab (every run of the data directory), written for the campaigns' processes to pick up
 * ({@link OperatorControl}), and the wait for them to acknowledge it. The answer is an {@link Outcome} in words; the
 * caller decides how to show it.
 */
public final class OperatorRequests {

    /**
     * How long a request waits for a running campaign to acknowledge. Its process polls five times a second once its
     * lab is up; a run still starting its lab (an OPC UA server, a broker, the drivers and the gate's vetting of the
     * search box) reads the request only then, which takes 5–20 s on a busy 2-core machine.
     */
    public static final long ACK_SECONDS = 30;

    /** How a request ended. */
    public enum Result {
        /** Applied (a run acknowledged it, or the lab's request is in force). */
        DONE,
        /** No such run in the data directory. */
        UNKNOWN_RUN,
        /** The run exists but no process drives it now. */
        NOT_RUNNING,
        /** A resume of a running run that is not paused. */
        NOT_PAUSED,
        /** Written, but a run did not acknowledge it in time or ended first. */
        NOT_ACKNOWLEDGED,
        /** The request could not be written or the run's files read. */
        FAILED
    }

    /**
     * What happened: the result, a message in words (for {@code DONE} what the request does; otherwise what was wrong),
     * further lines (the lab's runs, problems), and the runs the request reached.
     */
    public record Outcome(Result result, String message, List<String> details, List<String> runs) {
        public boolean done() {
            return result == Result.DONE;
        }

        static Outcome of(Result result, String message) {
            return new Outcome(result, message, List.of(), List.of());
        }
    }

    private final Path dataDirectory;

    public OperatorRequests(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The operating-system user, recorded with each request. */
    public static String operator() {
        return System.getProperty("user.name", "");
    }

    /** Whether the run exists in the data directory and a process is driving it now. */
    public boolean live(String runId) throws IOException {
        return RunLock.isHeld(dataDirectory, runId);
    }

    public boolean exists(String runId) {
        return Files.isDirectory(dataDirectory.resolve("runs").resolve(runId));
    }

    /** Sends {@code action} to one running campaign and waits for its acknowledgement. */
    public Outcome toRun(String runId, Action action, String reason, String by) {
        try {
            if (!exists(runId)) {
                return Outcome.of(Result.UNKNOWN_RUN, "no run '" + runId + "' in " + dataDirectory);
            }
            if (!live(runId)) {
                return Outcome.of(Result.NOT_RUNNING, "run " + runId + " is not running (no process drives it)"
                        + (action == Action.PAUSE || action == Action.ABORT
                        ? "; nothing to " + action.json() + ". If it was interrupted, 'athanor resume " + runId + "' continues it" : ""));
            }
            if (action == Action.RESUME && !OperatorControl.acknowledged(dataDirectory, runId).map(OperatorControl.Ack::paused).orElse(false)) {
                return Outcome.of(Result.NOT_PAUSED, "run " + runId + " is already being run by another process and is not paused: "
                        + "nothing to resume");
            }
            OperatorControl.Request sent = OperatorControl.send(OperatorControl.runFile(dataDirectory, runId), action, reason, by);
            Optional<String> missing = awaitAck(runId, sent.seq(), false);
            if (missing.isPresent()) {
                return Outcome.of(Result.NOT_ACKNOWLEDGED, missing.get());
            }
            return new Outcome(Result.DONE, "run " + runId + ": " + done(action), List.of(), List.of(runId));
        } catch (IOException e) {
            return Outcome.of(Result.FAILED, e.getMessage());
        }
    }

    /**
     * Leaves {@code action} for a run whose process is starting (it does not watch for requests until its lab is up):
     * the process applies it when it starts watching. The run's directory must exist.
     */
    public Outcome queue(String runId, Action action, String reason, String by) {
        if (!exists(runId)) {
            return Outcome.of(Result.UNKNOWN_RUN, "no run '" + runId + "' in " + dataDirectory);
        }
        try {
            OperatorControl.send(OperatorControl.runFile(dataDirectory, runId), action, reason, by);
            return new Outcome(Result.DONE, "run " + runId + " is starting: the " + action.json()
                    + " is applied as soon as its lab is up", List.of(), List.of(runId));
        } catch (IOException e) {
            return Outcome.of(Result.FAILED, e.getMessage());
        }
    }

    /** Sends {@code action} to the whole lab and waits for every running campaign to acknowledge it. */
    public Outcome toLab(Action action, String reason, String by) {
        try {
            List<String> running = new ArrayList<>();
            for (String id : runs()) {
                if (live(id)) {
                    running.add(id);
                }
            }
            OperatorControl.Request sent = OperatorControl.send(OperatorControl.labFile(dataDirectory), action, reason, by);
            List<String> problems = new ArrayList<>();
            for (String id : running) {
                awaitAck(id, sent.seq(), true).ifPresent(problems::add);
            }
            String message = "lab (" + dataDirectory + "): " + done(action);
            List<String> details = new ArrayList<>();
            details.add(running.isEmpty() ? "no run is going now" : "runs going now: " + String.join(", ", running));
            if (action == Action.PAUSE) {
                details.add("runs started from now on wait too, until 'athanor resume --all'");
            }
            if (!problems.isEmpty()) {
                // The lab's request is in force; what failed is some run's acknowledgement.
                details.add(0, message);
                return new Outcome(Result.NOT_ACKNOWLEDGED, String.join("; ", problems), details, running);
            }
            return new Outcome(Result.DONE, message, details, running);
        } catch (IOException e) {
            return Outcome.of(Result.FAILED, e.getMessage());
        }
    }

    /**
     * The runs no process drives whose campaign started and has not ended, by their journaled events: what
     * 'athanor resume ID' continues or 'athanor abort ID' ends from the journal.
     */
    public List<String> interrupted(java.util.function.Function<String, List<org.athanor.engine.EngineEvent>> eventsOf) throws IOException {
        List<String> out = new ArrayList<>();
        for (String id : runs()) {
            if (!live(id) && CampaignJournal.startedAndNotStopped(eventsOf.apply(id))) {
                out.add(id);
            }
        }
        return out;
    }

    /** The run ids of the data directory, sorted. */
    public List<String> runs() throws IOException {
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
