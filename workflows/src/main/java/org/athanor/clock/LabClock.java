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

    static LabClock system() {
        return ScaledClock.REAL_TIME;
    }
}
