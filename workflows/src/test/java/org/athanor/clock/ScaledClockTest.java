package org.athanor.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScaledClockTest {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    /** A million lab seconds per wall second: a wall millisecond is about 17 lab minutes. */
    private static final double PACE = 1e6;

    private final ScaledClock clock = new ScaledClock(START, PACE);

    @Test
    void standsStillWhileASectionIsOpen() {
        try (LabClock.Section s = clock.computing()) {
            Instant frozen = clock.now();
            letWallTimePass(Duration.ofMillis(5));
            assertThat(clock.now()).isEqualTo(frozen);
            assertThat(clock.stopped()).isTrue();
        }
        assertThat(clock.stopped()).isFalse();
    }

    @Test
    void wallTimeInsideASectionIsNotLabTimeAfterwards() {
        Duration section = Duration.ofMillis(20);
        long wallBefore = System.nanoTime();
        Instant before = clock.now();
        try (LabClock.Section s = clock.computing()) {
            letWallTimePass(section);
        }
        Instant after = clock.now();
        long wall = System.nanoTime() - wallBefore;
        // The clock ran for at most the wall time outside the section; a clock counting the section would show
        // at least the section's wall time times the pace.
        double maxLabNanos = (wall - section.toNanos()) * PACE;
        assertThat((double) Duration.between(before, after).toNanos()).isLessThanOrEqualTo(maxLabNanos + 1);
        assertThat(after).isAfterOrEqualTo(before);
        assertThat(clock.stoppedWallNanos()).isGreaterThanOrEqualTo(section.toNanos());
    }

    @Test
    void aSleeperWaitsWithoutSpinningUntilTheLastSectionCloses() throws Exception {
        LabClock.Section first = clock.computing();
        LabClock.Section second = onOtherThread(clock::computing);
        Instant target = clock.now().plusSeconds(1);
        AtomicReference<Instant> wokeAt = new AtomicReference<>();
        Thread sleeper = new Thread(() -> {
            try {
                clock.sleepUntil(target);
                wokeAt.set(clock.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleeper.start();
        // WAITING (not TIMED_WAITING, not RUNNABLE): parked on the condition until a section closes.
        awaitState(sleeper, Thread.State.WAITING);
        first.close();
        awaitState(sleeper, Thread.State.WAITING);
        assertThat(wokeAt.get()).isNull();
        second.close();
        sleeper.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(wokeAt.get()).isAfterOrEqualTo(target);
    }

    @Test
    void aThreadSleepingInsideItsOwnSectionDoesNotStopTheTimeItWaitsFor() throws Exception {
        AtomicReference<Boolean> stoppedAfterWaking = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (LabClock.Section s = clock.computing()) {
                clock.sleep(Duration.ofHours(1)); // 3.6 ms of wall time at the pace
                stoppedAfterWaking.set(clock.stopped());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Instant before = clock.now();
        worker.start();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(worker.isAlive()).as("deadlocked on its own section").isFalse();
        assertThat(stoppedAfterWaking.get()).as("the section applies again once the thread wakes").isTrue();
        assertThat(clock.stopped()).isFalse();
        assertThat(clock.now()).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
    }

    @Test
    void anotherThreadsSectionStillHoldsASleeperWhoseOwnSectionLapsed() throws Exception {
        LabClock.Section other = onOtherThread(clock::computing);
        Thread worker = new Thread(() -> {
            try (LabClock.Section s = clock.computing()) {
                clock.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        awaitState(worker, Thread.State.WAITING);
        assertThat(clock.stopped()).isTrue();
        other.close();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(worker.isAlive()).isFalse();
        assertThat(clock.stopped()).isFalse();
    }

    @Test
    void closingASectionTwiceCountsOnce() {
        LabClock.Section a = clock.computing();
        LabClock.Section b = clock.computing();
        a.close();
        a.close();
        assertThat(clock.stopped()).isTrue();
        b.close();
        assertThat(clock.stopped()).isFalse();
    }

    @Test
    void neverRunsBackwardsWhileThreadsOpenAndCloseSections() throws Exception {
        int threads = 4;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        AtomicReference<String> backwards = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            boolean computes = t % 2 == 0;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                Instant last = Instant.MIN;
                for (int i = 0; i < 20_000; i++) {
                    Instant now;
                    if (computes && i % 3 == 0) {
                        try (LabClock.Section s = clock.computing()) {
                            now = clock.now();
                        }
                    } else {
                        now = clock.now();
                    }
                    if (now.isBefore(last)) {
                        backwards.compareAndSet(null, last + " then " + now);
                    }
                    last = now;
                }
            });
            th.start();
            all.add(th);
        }
        go.countDown();
        for (Thread th : all) {
            th.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(th.isAlive()).isFalse();
        }
        assertThat(backwards.get()).isNull();
        assertThat(clock.stopped()).isFalse();
    }

    @Test
    void theSystemClockNeverStops() {
        LabClock system = LabClock.system();
        try (LabClock.Section s = system.computing()) {
            assertThat(s).isSameAs(LabClock.Section.NONE);
            Instant a = system.now();
            letWallTimePass(Duration.ofMillis(2));
            assertThat(system.now()).isAfter(a);
        }
        assertThat(system.stoppedWallNanos()).isZero();
    }

    @Test
    void aContinuousClockNeverStops() {
        ScaledClock continuous = ScaledClock.continuous(START, PACE);
        try (LabClock.Section s = continuous.computing()) {
            Instant a = continuous.now();
            letWallTimePass(Duration.ofMillis(2));
            assertThat(continuous.now()).isAfter(a);
            assertThat(continuous.stopped()).isFalse();
        }
        assertThat(continuous.stoppedWallNanos()).isZero();
    }

    @Test
    void sleepingWithoutSectionsReachesTheTarget() throws InterruptedException {
        Instant target = clock.now().plus(Duration.ofMinutes(30));
        clock.sleepUntil(target);
        assertThat(clock.now()).isAfterOrEqualTo(target);
    }

    /** Lets wall time pass without sleeping, so the test does not depend on the scheduler's granularity. */
    private static void letWallTimePass(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void awaitState(Thread t, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != state && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertThat(t.getState()).isEqualTo(state);
    }

    private static <T> T onOtherThread(java.util.function.Supplier<T> s) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(s.get()));
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(result.get()).isNotNull();
        return result.get();
    }
}
