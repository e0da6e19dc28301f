package org.athanor.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The lab's time. Real hardware runs on {@link #system()}; dry runs run on a {@link ScaledClock} where hours of
 * lab time pass in seconds. Simulators compute their physics from {@link #now()}, so they need no ticking thread.
 */
public interface LabClock {

    Instant now();

    /** Blocks until the clock reads at least {@code time}. */
    void sleepUntil(Instant time) throws InterruptedException;

    default void sleep(Duration duration) throws InterruptedException {
        sleepUntil(now().plus(duration));
    }

    /** Simulated seconds per wall second (1 for the system clock). */
    double pace();

    /**
     * Marks the agent's own computation (analysis, proposing, vetting, planning, writing reports): while any section is
     * open, on any thread, a simulated clock stands still, so a computation of half a wall second does not count as
     * half a second times the pace of lab time. Real time cannot stop: on the system clock (hardware) this does
     * nothing, and a clock only stops for those who share it (a simulated lab in another process keeps its own time).
     *
     * <p>Use with try-with-resources around pure computation only: code inside a section must not wait for something
     * that needs lab time to pass on another thread (an instrument's answer), since that time does not pass until the
     * section closes. A thread that sleeps on this clock inside a section is not computing: its own sections lapse
     * while it sleeps (see {@link ScaledClock#sleepUntil}).
     */
    default Section computing() {
        return Section.NONE;
    }

    /**
     * Wall nanoseconds during which this clock has stood still so far (0 for a clock that never stops). A wall-clock
     * timeout derived from lab time (an instrument's program at the pace) adds what this grew by while it waited,
     * since the instrument's time did not pass meanwhile.
     */
    default long stoppedWallNanos() {
        return 0;
    }

    static LabClock system() {
        return ScaledClock.REAL_TIME;
    }

    /** An open computing section; closing it more than once is harmless. */
    interface Section extends AutoCloseable {

        Section NONE = () -> { };

        @Override
        void close();
    }
}
