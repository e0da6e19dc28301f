package org.athanor.engine;

import org.athanor.clock.LabClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine's one thread: runs queued tasks a batch at a time, then stores the events they emitted in one journal
 * transaction, tells the listeners, and only then releases the work that must follow durability (commands leaving,
 * measurements acknowledged, callers told a run ended). Under load many steps share one commit (group commit), so
 * a slow disk does not cap the lab's pace.
 */
final class EngineLoop {

    private static final System.Logger LOG = System.getLogger(EngineLoop.class.getName());
    // Tasks run between two commits at most: bounds how long an event waits to be stored when the inbox is busy.
    private static final int BATCH = 256;

    private final Journal journal;
    /** Writing the journal is the agent's bookkeeping, not lab work: a simulated clock stands still meanwhile. */
    private final LabClock clock;
    private final Consumer<RuntimeException> onJournalFailure;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<EngineEvent> unjournaled = new ArrayList<>();
    private final List<Runnable> afterJournal = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    EngineLoop(Journal journal, LabClock clock, Consumer<RuntimeException> onJournalFailure) {
        this.journal = journal;
        this.clock = clock;
        this.onJournalFailure = onJournalFailure;
        this.thread = new Thread(this::run, "athanor-engine");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void post(Runnable task) {
        inbox.add(task);
    }

    /** Queues an event for this cycle's commit (engine thread only). */
    void store(EngineEvent e) {
        unjournaled.add(e);
    }

    /** Runs {@code r} once this cycle's events are stored (engine thread only). */
    void afterJournal(Runnable r) {
        afterJournal.add(r);
    }

    boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Evaluates {@code s} on the engine thread and waits for the answer. */
    <T> T call(Supplier<T> s) {
        if (onLoopThread()) {
            return s.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        post(() -> f.complete(s.get()));
        return f.join();
    }

    void addListener(EventListener l) {
        listeners.add(l);
    }

    void removeListener(EventListener l) {
        listeners.remove(l);
    }

    void close() {
        closed = true;
        thread.interrupt();
    }

    private void run() {
        while (!closed) {
            Runnable first;
            try {
                first = inbox.take();
            } catch (InterruptedException e) {
                return;
            }
            runTask(first);
            for (int i = 0; i < BATCH; i++) {
                Runnable next = inbox.poll();
                if (next == null) {
                    break;
                }
                runTask(next);
            }
            flush();
        }
    }

    private static void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "engine task failed", e);
        }
    }

    private void flush() {
        while (!unjournaled.isEmpty()) {
            List<EngineEvent> batch = List.copyOf(unjournaled);
            unjournaled.clear();
            try (LabClock.Section computing = clock.computing()) {
                journal.appendAll(batch);
            } catch (RuntimeException e) {
                // Without the journal nothing is durable: release nothing that depends on it.
                LOG.log(System.Logger.Level.ERROR, "journal failed; pausing the lab", e);
                afterJournal.clear();
                onJournalFailure.accept(e);
                return;
            }
            for (EngineEvent e : batch) {
                for (EventListener l : listeners) {
                    try {
                        l.on(e);
                    } catch (RuntimeException ex) {
                        LOG.log(System.Logger.Level.WARNING, "event listener failed on " + e.type().json(), ex);
                    }
                }
            }
        }
        List<Runnable> go = List.copyOf(afterJournal);
        afterJournal.clear();
        go.forEach(Runnable::run);
    }
}
