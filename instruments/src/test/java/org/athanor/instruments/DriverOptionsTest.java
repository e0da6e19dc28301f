package org.athanor.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athanor.clock.LabClock;
import org.athanor.clock.ScaledClock;
import org.junit.jupiter.api.Test;

class DriverOptionsTest {

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-05T08:00:00Z"), 100_000);
    private final DriverOptions options = DriverOptions.defaults().withClock(clock);

    @Test
    void aCommandTimesOutAfterItsWallTimeWhileTheClockRuns() {
        CompletableFuture<String> never = options.orTimeout(new CompletableFuture<>(), Duration.ofMillis(5));

        assertThatThrownBy(() -> never.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void wallTimeWhileTheClockStandsStillDoesNotCountAgainstATimeout() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        try (LabClock.Section computing = clock.computing()) {
            options.orTimeout(answer, Duration.ofMillis(5));
            letWallTimePass(Duration.ofMillis(50)); // ten times the timeout, all of it with the clock standing still
            assertThat(answer).isNotDone();
        }
        // Running again, it times out after its own wall time.
        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void anAnswerInTimeIsKept() throws Exception {
        CompletableFuture<String> answer = options.orTimeout(new CompletableFuture<>(), Duration.ofSeconds(30));
        answer.complete("done");
        assertThat(answer.get(1, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void remainingTimeGrowsByTheTimeTheClockStoodStill() {
        long stoppedAtStart = clock.stoppedWallNanos();
        Duration timeout = Duration.ofMillis(5);
        try (LabClock.Section computing = clock.computing()) {
            letWallTimePass(Duration.ofMillis(20));
        }
        // 20 ms waited, all of it with the clock standing still: the whole timeout is still left.
        long waited = Duration.ofMillis(20).toNanos();
        assertThat(options.remainingNanos(timeout, stoppedAtStart, waited)).isGreaterThanOrEqualTo(timeout.toNanos());
        assertThat(DriverOptions.defaults().remainingNanos(timeout, 0, waited)).isZero();
    }

    private static void letWallTimePass(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
