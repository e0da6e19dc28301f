package org.athanor.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM running the engine with -9 in the middle of a run, restarts it, and checks the promises of the
 * journal: no step executed twice, nothing measured lost, every experiment brought to an end.
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    private Process child(String mode, Path db, Path instruments, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashWorkload.class.getName(),
                mode, db.toString(), instruments.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long count(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> !p.toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void aRunKilledMidwayResumesWithoutRepeatingAStepOrLosingAMeasurement() throws Exception {
        Path db = dir.resolve("db");
        Path instruments = dir.resolve("instruments");
        Process first = child("start", db, instruments, dir.resolve("first.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(instruments.resolve("done")) < 4 && first.isAlive() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        assertThat(first.isAlive()).as("the first run must still be going when it is killed: %s",
                Files.readString(dir.resolve("first.log"))).isTrue();
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();

        RunState atCrash;
        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(db))) {
            atCrash = j.state(CrashWorkload.RUN);
        }
        assertThat(atCrash.unfinished()).as("the kill must leave unfinished experiments").isNotEmpty();

        Process second = child("resume", db, instruments, dir.resolve("second.log"));
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

        List<String> executions = Files.readAllLines(instruments.resolve("executions.log"));
        Map<String, Long> perStep = executions.stream().map(l -> l.split(" ")[0]).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(perStep).as("each step is executed by an instrument at most once").allSatisfy((step, n) -> assertThat(n).isEqualTo(1L));

        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(db))) {
            List<EngineEvent> events = j.events(CrashWorkload.RUN);
            RunState after = RunState.replay(CrashWorkload.RUN, events);
            assertThat(after.experiments()).hasSize(CrashWorkload.EXPERIMENTS);
            assertThat(after.unfinished()).isEmpty();

            Map<String, Set<String>> commandsPerStep = new HashMap<>();
            events.stream().filter(e -> e.type() == EngineEvent.Type.STEP_DISPATCHED).forEach(e ->
                    commandsPerStep.computeIfAbsent(e.experiment() + "/" + e.stepId(), k -> new java.util.HashSet<>()).add(e.commandId()));
            assertThat(commandsPerStep).as("no step dispatched twice under different command ids")
                    .allSatisfy((step, ids) -> assertThat(ids).hasSize(1));

            Set<String> journaledMeasurements = events.stream().filter(e -> e.type() == EngineEvent.Type.MEASUREMENT)
                    .map(EngineEvent::commandId).collect(Collectors.toSet());
            List<String> measured = new ArrayList<>();
            try (Stream<Path> s = Files.list(instruments.resolve("done"))) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(n -> measured.add(n.replace(".json", "")));
            }
            Set<String> xrdCommands = events.stream().filter(e -> "xrd".equals(e.stepId())).map(EngineEvent::commandId).collect(Collectors.toSet());
            List<String> xrdMeasured = measured.stream().filter(xrdCommands::contains).toList();
            assertThat(xrdMeasured).as("every XRD pattern an instrument produced").isNotEmpty();
            assertThat(journaledMeasurements).as("is in the journal").containsAll(xrdMeasured);

            assertThat(events).as("steps in flight at the kill were reconciled with the instruments")
                    .anyMatch(e -> e.type() == EngineEvent.Type.STEP_RECONCILED);

            long interrupted = after.experiments().values().stream().filter(e -> !e.markedSamples().isEmpty()).count();
            long completedXrd = after.experiments().values().stream().filter(e -> e.status("xrd") == RunState.StepStatus.COMPLETED).count();
            assertThat(interrupted + completedXrd).as("each experiment either measured or its sample marked").isEqualTo(CrashWorkload.EXPERIMENTS);
        }
    }
}
