package org.athanor.agent.journal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.EngineEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Journal overhead per step: the events one step leaves (dispatched, completed; plus a measurement for a
 * characterisation step) appended to the H2 file journal, each its own committed transaction.
 * Run: {@code ./bench agent JournalBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JournalBenchmark {

    private Path dir;
    private JdbcJournal journal;
    private List<Double> pattern;
    private long n;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("journal-bench");
        journal = JdbcJournal.open(JournalSettings.h2(dir));
        pattern = new ArrayList<>();
        // 10-80° 2θ at 0.02°: 3501 points, a typical lab XRD scan
        for (int i = 0; i <= 3500; i++) {
            pattern.add(100 + 50 * Math.sin(i / 30.0));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        journal.close();
    }

    private EngineEvent event(EngineEvent.Type type, Map<String, Object> data) {
        return new EngineEvent(UUID.randomUUID().toString(), type, Instant.now(), "bench", "1", "s" + (n % 8), "cmd-" + n, data);
    }

    @Benchmark
    public void stepWithoutMeasurement() {
        n++;
        journal.append(event(EngineEvent.Type.STEP_DISPATCHED, Map.of("attempt", 1, "action", "heat", "instrument", "box-furnace-1")));
        journal.append(event(EngineEvent.Type.STEP_COMPLETED, Map.of("attempt", 1)));
    }

    /** As the engine stores a finished XRD step: measurement and completion in one transaction. */
    @Benchmark
    public void xrdStepGroupCommitted() {
        n++;
        journal.append(event(EngineEvent.Type.STEP_DISPATCHED, Map.of("attempt", 1, "action", "xrd", "instrument", "xrd-1")));
        journal.appendAll(List.of(event(EngineEvent.Type.MEASUREMENT, Map.of("kind", "xrd", "sample", "S1", "intensity", pattern)),
                event(EngineEvent.Type.STEP_COMPLETED, Map.of("attempt", 1))));
    }

    /** Fifty steps' completions stored in one cycle, as under load with 50 concurrent runs; per step. */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(50)
    public void fiftyCompletionsInOneCycle() {
        List<EngineEvent> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            n++;
            batch.add(event(EngineEvent.Type.STEP_COMPLETED, Map.of("attempt", 1)));
        }
        journal.appendAll(batch);
    }

    @Benchmark
    public void xrdStepWithItsPattern() {
        n++;
        journal.append(event(EngineEvent.Type.STEP_DISPATCHED, Map.of("attempt", 1, "action", "xrd", "instrument", "xrd-1")));
        journal.append(event(EngineEvent.Type.MEASUREMENT, Map.of("kind", "xrd", "sample", "S1", "intensity", pattern)));
        journal.append(event(EngineEvent.Type.STEP_COMPLETED, Map.of("attempt", 1)));
    }
}
