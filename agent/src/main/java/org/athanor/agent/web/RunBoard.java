package org.athanor.agent.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.athanor.agent.campaign.OperatorControl;
import org.athanor.agent.campaign.RunLock;
import org.athanor.agent.journal.JdbcJournal;

/**
 * The lab's runs as the web shows them: one {@link RunView} per run, brought up to date from the journal when asked
 * (only the events after the last one it read), with whether a process drives each run now. Runs are those the journal
 * holds and those with a directory in the data directory (a campaign the web started that has not journaled yet, or
 * one that failed before it could).
 */
final class RunBoard {

    private final Path dataDirectory;
    private final JdbcJournal journal;
    private final CampaignLauncher launcher;
    private final Map<String, RunView> views = new ConcurrentHashMap<>();

    RunBoard(Path dataDirectory, JdbcJournal journal, CampaignLauncher launcher) {
        this.dataDirectory = dataDirectory;
        this.journal = journal;
        this.launcher = launcher;
    }

    /**
     * Every run, newest first by when it began on the wall clock: when the web was asked to start it, else its first
     * journaled event, else its directory's creation.
     */
    List<Map<String, Object>> summaries() {
        Map<String, Instant> began = new java.util.HashMap<>(journal.runsFirstStored());
        for (String dir : directories()) {
            Optional<Instant> launched = launcher.launchedAt(dir);
            if (launched.isPresent()) {
                began.put(dir, launched.get()); // asked for seconds before its first event, while its lab started
            } else {
                began.computeIfAbsent(dir, this::created);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        began.entrySet().stream().sorted(Map.Entry.<String, Instant>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    RunView v = refreshed(e.getKey());
                    synchronized (v) {
                        Map<String, Object> m = v.summary(process(e.getKey(), false));
                        m.put("createdAt", e.getValue().toString());
                        out.add(m);
                    }
                });
        return out;
    }

    private Instant created(String id) {
        try {
            var a = Files.readAttributes(dataDirectory.resolve("runs").resolve(id), java.nio.file.attribute.BasicFileAttributes.class);
            return a.creationTime().toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** The run's summary, or empty when the lab has no such run. */
    Optional<Map<String, Object>> summary(String id) {
        return known(id).map(v -> {
            synchronized (v) {
                return v.summary(process(id, false));
            }
        });
    }

    /** The run's page, or empty when the lab has no such run. */
    Optional<Map<String, Object>> detail(String id) {
        return known(id).map(v -> {
            Map<String, Object> m;
            synchronized (v) {
                m = v.detail(process(id, true));
            }
            m.put("createdAt", launcher.launchedAt(id).or(() -> Optional.ofNullable(journal.runsFirstStored().get(id)))
                    .orElseGet(() -> created(id)).toString());
            return m;
        });
    }

    /** The experiment's XRD plot, when the run has one and it lies in the run's own directory. */
    Optional<Path> plot(String id, int index) {
        Path runDirectory = dataDirectory.resolve("runs").resolve(id).toAbsolutePath().normalize();
        return known(id).flatMap(v -> {
            synchronized (v) {
                return v.plotPath(index);
            }
        }).map(p -> Path.of(p).toAbsolutePath().normalize())
                .filter(p -> p.startsWith(runDirectory) && Files.isRegularFile(p));
    }

    boolean exists(String id) {
        return known(id).isPresent();
    }

    /** Why a run is not removed, in words. */
    static final class RunKeptException extends Exception {
        RunKeptException(String message) {
            super(message);
        }
    }

    /**
     * Removes a failed run: one that ended before it journaled anything, so that its directory (what the web was asked,
     * what its process printed) is all there is of it. A run the journal holds is never removed, nor one a process
     * drives or is starting; nothing outside the data directory's {@code runs} is touched (a link is not followed).
     */
    void remove(String id) throws RunKeptException, IOException {
        Path runs = dataDirectory.resolve("runs").toAbsolutePath().normalize();
        Path dir = runs.resolve(id).normalize();
        if (!runs.equals(dir.getParent()) || Files.isSymbolicLink(dir) || !Files.isDirectory(dir)) {
            throw new RunKeptException("'" + id + "' is not a run directory of " + runs + ": nothing removed");
        }
        String status = summary(id).map(m -> String.valueOf(m.get("status"))).orElse("unknown");
        if (!status.equals("failed")) {
            throw new RunKeptException("run " + id + " is " + status + ": only a failed run (one that ended before it "
                    + "journaled anything) can be removed; the journal keeps every other");
        }
        try (RunLock lock = RunLock.acquire(dataDirectory, id)) { // no process takes the run up meanwhile
            if (!journal.events(id).isEmpty() || launcher.launching(id)) {
                throw new RunKeptException("run " + id + " has just started: nothing removed");
            }
            deleteAllBut(dir, dir.resolve(RunLock.FILE));
        } catch (RunLock.RunBusyException e) {
            throw new RunKeptException(e.getMessage());
        }
        Files.deleteIfExists(dir.resolve(RunLock.FILE));
        Files.delete(dir);
        views.remove(id);
    }

    /** Deletes what the directory holds, except {@code kept}: links themselves, never what they point to. */
    private static void deleteAllBut(Path dir, Path kept) throws IOException {
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) throws IOException {
                if (!file.equals(kept)) {
                    Files.delete(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!d.equals(dir)) {
                    Files.delete(d);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /** Whether a process drives the run now. */
    private boolean live(String id) {
        return RunLock.holderAlive(dataDirectory, id);
    }

    /**
     * Whether the run's process takes operator requests yet: its watch acknowledges once when it starts, after the
     * simulated lab is up, which is seconds after the process took the run.
     */
    private boolean ready(String id) {
        Optional<Instant> taken = RunLock.takenAt(dataDirectory, id);
        try {
            return taken.isPresent() && OperatorControl.acknowledged(dataDirectory, id).map(a -> !a.at().isBefore(taken.get())).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<RunView> known(String id) {
        RunView v = refreshed(id);
        if (v.lastSeq() == 0 && !Files.isDirectory(dataDirectory.resolve("runs").resolve(id))) {
            views.remove(id, v);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private RunView refreshed(String id) {
        RunView v = views.computeIfAbsent(id, RunView::new);
        synchronized (v) {
            journal.eventsAfter(id, v.lastSeq()).forEach(v::accept);
            if (v.lastSeq() == 0) {
                launcher.launched(id).ifPresent(v::asked);
            }
        }
        return v;
    }

    /** The run's process as far as the journal cannot say; the page (not the table) also shows what it printed. */
    private RunView.Process process(String id, boolean withConsole) {
        boolean live = live(id);
        boolean ready = live && ready(id);
        return new RunView.Process(ready, !ready && (live || launcher.launching(id)), withConsole ? launcher.consoleTail(id) : Optional.empty());
    }

    private List<String> directories() {
        Path runs = dataDirectory.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted(Collections.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
