package org.athanor.clock.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.LabClock;
import org.athanor.clock.ScaledClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What reading the simulated clock costs now that it can stand still (one lock per read), alone and from two threads
 * at once (the simulators, drivers and engine all read it), and what opening and closing a computing section costs.
 * Run: {@code ./bench workflows ClockBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClockBenchmark {

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-05T08:00:00Z"), ScaledClock.AS_FAST_AS_PRACTICAL);

    @Benchmark
    public Instant now() {
        return clock.now();
    }

    @Benchmark
    @Threads(2)
    public Instant nowFromTwoThreads() {
        return clock.now();
    }

    @Benchmark
    public Instant section() {
        try (LabClock.Section s = clock.computing()) {
            return clock.now();
        }
    }
}
