package org.athanor.agent.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.athanor.agent.campaign.OperatorControl.Request;
import org.athanor.engine.Engine;

/**
 * A campaign process's side of {@link OperatorControl}: it polls the run's and the lab's request files, applies each
 * new request through the engine and acknowledges it.
 * <ul>
 *   <li>pause: the engine stops dispatching the run's steps; steps already on instruments finish (the next safe
 *       point). The run stays paused, between or within experiments, until both the run's and the lab's pause are
 *       lifted; a fault's isolation does not lift it ({@link Engine#pause}).</li>
 *   <li>resume: lifts the pause it names (the run's, or the lab's).</li>
 *   <li>abort: the engine aborts the run's experiments (in-flight steps bring their instrument to a safe state,
 *       samples with unfinished steps are marked) and the campaign stops after reading the batch.</li>
 * </ul>
 * A lab pause in force when the process starts holds its run from the start; other requests older than the process
 * are history, not orders.
 */
final class OperatorWatch implements AutoCloseable {

    /** What the campaign asks of the operator's requests while it runs. */
    interface State {
        State NONE = new State() {
            @Override
            public boolean paused() {
                return false;
            }

            @Override
            public Optional<String> abortReason() {
                return Optional.empty();
            }
        };

        /** Whether an operator holds the run paused now. */
        boolean paused();

        /** The operator's abort as the engine is given it ("by the operator (who, when): why"), once requested. */
        Optional<String> abortReason();

        /** The operator's abort as the campaign reports it: "aborted by the operator (who, when): why". */
        default Optional<String> abortRequested() {
            return abortReason().map(r -> "aborted " + r);
        }

        /** A wall-time limit for waiting on the lab that does not count the time an operator held the run paused. */
        default Deadline deadline(long nanos) {
            return new Deadline(this, nanos);
        }
    }

    /** Wall time left for waiting on the lab; time spent paused by an operator is not taken from it. */
    static final class Deadline {
        private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
        private final State operator;
        private long left;

        Deadline(State operator, long nanos) {
            this.operator = operator;
            this.left = nanos;
        }

        <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
            while (true) {
                long start = System.nanoTime();
                try {
                    return future.get(Math.max(0, Math.min(left, SLICE_NANOS)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (!operator.paused()) {
                        left -= System.nanoTime() - start;
                    }
                    if (left <= 0) {
                        throw e;
                    }
                }
            }
        }
    }

    /** How the engine's pause reason begins when an operator paused the run, or the whole lab. */
    static final String RUN_PAUSED = "paused by the operator";
    static final String LAB_PAUSED = "lab paused by the operator";
    private static final long POLL_MILLIS = 200;

    private final Path runFile;
    private final Path labFile;
    private final Path ackFile;
    /** How long an acknowledgement waits for the engine to journal the request. */
    private static final java.time.Duration JOURNAL_WAIT = java.time.Duration.ofSeconds(5);
    private final String runId;
    private final Engine engine;
    private final Consumer<String> log;
    private final ScheduledExecutorService poller;
    private long runSeq;
    private long labSeq;
    private volatile String runPause;
    private volatile String labPause;
    private volatile boolean enginePaused;
    private volatile String abort;
    private String lastProblem;

    private OperatorWatch(Path dataDirectory, String runId, Engine engine, Consumer<String> log) {
        this.runFile = OperatorControl.runFile(dataDirectory, runId);
        this.labFile = OperatorControl.labFile(dataDirectory);
        this.ackFile = OperatorControl.ackFile(dataDirectory, runId);
        this.runId = runId;
        this.engine = engine;
        this.log = log;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "athanor-operator-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts watching for the run; call before its first experiment is submitted, so a lab pause holds it at once.
     * The run's requests that an earlier process of the run acknowledged are past; any other (one made while this
     * process was starting its lab, or queued before it started) is applied at the first poll. The lab's requests made
     * before this process started are past (a standing lab pause still holds).
     */
    static OperatorWatch start(Path dataDirectory, String runId, Engine engine, Consumer<String> log) {
        OperatorWatch w = new OperatorWatch(dataDirectory, runId, engine, log);
        Instant processStart = Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        long acknowledged;
        try {
            acknowledged = OperatorControl.acknowledged(dataDirectory, runId).map(OperatorControl.Ack::runSeq).orElse(0L);
        } catch (IOException e) {
            acknowledged = w.current(w.runFile).map(r -> pastSeq(r, processStart)).orElse(0L);
        }
        synchronized (w) {
            w.runSeq = acknowledged;
            Optional<Request> lab = w.current(w.labFile);
            w.labSeq = lab.map(r -> pastSeq(r, processStart)).orElse(0L);
            if (lab.isPresent() && lab.get().action() == Action.PAUSE) {
                w.labPause = describe(LAB_PAUSED, lab.get());
                w.update();
            }
            w.acknowledge();
        }
        w.poll(); // a request left while the process was starting takes effect before the first experiment is submitted
        w.poller.scheduleWithFixedDelay(w::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return w;
    }

    /** The sequence number up to which a file's requests are past: all of them, or all but this one if it is new. */
    private static long pastSeq(Request r, Instant processStart) {
        return r.at().isBefore(processStart) ? r.seq() : r.seq() - 1;
    }

    State state() {
        return new State() {
            @Override
            public boolean paused() {
                return enginePaused;
            }

            @Override
            public Optional<String> abortReason() {
                return Optional.ofNullable(abort);
            }
        };
    }

    /** Whether an engine pause reason is an operator's (the run's or the lab's), which only an operator lifts. */
    static boolean isOperatorPause(String reason) {
        return reason != null && (reason.startsWith(RUN_PAUSED) || reason.startsWith(LAB_PAUSED));
    }

    private synchronized void poll() {
        boolean changed = false;
        Optional<Request> run = current(runFile);
        if (run.isPresent() && run.get().seq() > runSeq) {
            runSeq = run.get().seq();
            apply(run.get(), false);
            changed = true;
        }
        Optional<Request> lab = current(labFile);
        if (lab.isPresent() && lab.get().seq() > labSeq) {
            labSeq = lab.get().seq();
            apply(lab.get(), true);
            changed = true;
        }
        if (changed) {
            // Acknowledged once journaled: whoever asked (a web page, 'athanor pause') then reads the run as paused.
            engine.awaitJournal(JOURNAL_WAIT);
            acknowledge();
        }
    }

    private void apply(Request r, boolean wholeLab) {
        switch (r.action()) {
            case PAUSE -> {
                if (wholeLab) {
                    labPause = describe(LAB_PAUSED, r);
                } else {
                    runPause = describe(RUN_PAUSED, r);
                }
            }
            case RESUME -> {
                if (wholeLab) {
                    labPause = null;
                } else {
                    runPause = null;
                }
            }
            case ABORT -> {
                if (abort == null) {
                    // The engine words it "aborted: <reason>" in the journal and on the samples it marks.
                    abort = describe(wholeLab ? "by the operator, for the whole lab" : "by the operator", r);
                    log.accept("aborted " + abort + "; in-flight steps bring their instruments to a safe state; the campaign stops");
                    engine.abort(runId, abort);
                }
            }
        }
        update();
    }

    /** Brings the engine's pause of the run in line with the operator's: paused while the run's or the lab's pause holds. */
    private void update() {
        String hold = runPause != null ? runPause : labPause;
        if (hold != null && !enginePaused && abort == null) {
            enginePaused = true;
            engine.pause(runId, hold);
            log.accept(hold + "; steps already on instruments finish, nothing new starts until 'athanor resume "
                    + (hold.startsWith(LAB_PAUSED) ? "--all" : runId) + "'");
        } else if (hold == null && enginePaused) {
            enginePaused = false;
            engine.resume(runId);
            log.accept("resumed by the operator");
        } else if (abort != null && enginePaused) {
            enginePaused = false; // an abort ends the pause's purpose: the engine aborts whatever it held
        }
    }

    /** {@code what} with who asked, when, and why: "by the operator (alice, 2026-05-04T17:02:11Z): end of shift". */
    static String describe(String what, Request r) {
        String who = r.by() == null || r.by().isBlank() ? "" : " " + r.by();
        String why = r.reason() == null || r.reason().isBlank() ? "" : ": " + r.reason();
        return what + " (" + (who.isEmpty() ? "" : who.strip() + ", ") + r.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")" + why;
    }

    private Optional<Request> current(Path file) {
        try {
            Optional<Request> r = OperatorControl.read(file);
            lastProblem = null;
            return r;
        } catch (IOException e) {
            String problem = "operator control: " + e.getMessage() + "; the request is ignored until the file is mended";
            if (!problem.equals(lastProblem)) {
                log.accept(problem);
                lastProblem = problem;
            }
            return Optional.empty();
        }
    }

    private void acknowledge() {
        try {
            OperatorControl.acknowledge(ackFile, new OperatorControl.Ack(runSeq, labSeq, enginePaused, abort != null, Instant.now()));
        } catch (IOException e) {
            log.accept("operator control: cannot acknowledge in " + ackFile + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
