package org.athanor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.engine.Workflows.synthesis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.clock.LabClock;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on a clock that stands still while the agent computes (LabClock.computing). */
class EngineClockTest {

    /** A lab minute is 60 µs of wall time. */
    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 1e6);
    private final List<Boolean> stoppedWhileJournaling = new CopyOnWriteArrayList<>();
    private final Recorder journal = new Recorder() {
        @Override
        public void append(EngineEvent event) {
            stoppedWhileJournaling.add(clock.stopped());
            super.append(event);
        }
    };
    private Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Engine engine(EngineConfig.Builder b) {
        engine = b.handler(FakeHandler.instant(Action.DISPENSE)).handler(FakeHandler.instant(Action.HEAT))
                .handler(FakeHandler.instant(Action.XRD)).clock(clock).journal(journal).build();
        return engine;
    }

    @Test
    void dispatchChecksAndJournalWritesTakeNoLabTime() throws Exception {
        List<Boolean> stoppedWhileChecking = new CopyOnWriteArrayList<>();
        engine(Engine.builder().dispatchCheck(c -> {
            stoppedWhileChecking.add(clock.stopped());
            return DispatchVerdict.PROCEED;
        }));
        RunOutcome out = engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true))
                .outcome().get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(out.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(stoppedWhileChecking).isNotEmpty().containsOnly(true);
        assertThat(stoppedWhileJournaling).isNotEmpty().containsOnly(true);
        assertThat(clock.stopped()).isFalse();
    }

    @Test
    void aWaitingStepCountsItsWaitsInLabTimeNotWhileTheClockStandsStill() {
        engine(Engine.builder().maxWaits(3).dispatchCheck(c -> DispatchVerdict.waitFor("furnace cooling", Duration.ofMinutes(1))));
        LabClock.Section computing = clock.computing();
        try {
            engine.submit(new RunRequest("r1", "1", synthesis("w", "S1", "box-furnace-1", 900), true));
            journal.await(Type.STEP_WAITING, null);
            // 20 ms of wall time are 5.5 lab hours at the pace: a retry timed in wall time would have waited far more
            // than 3 times and paused the run. The clock stood still, so not one lab minute has passed.
            long until = System.nanoTime() + Duration.ofMillis(20).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(journal.of(Type.STEP_WAITING)).hasSize(1);
            assertThat(journal.of(Type.RUN_PAUSED)).isEmpty();
        } finally {
            computing.close();
        }
        assertThat(journal.await(Type.RUN_PAUSED, null).text("reason")).contains("waited 3 times").contains("furnace cooling");
    }
}
