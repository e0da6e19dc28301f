package org.athanor.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that runs {@code pace} times faster than the wall clock from a chosen start instant.
 * Pace 3600 makes an hour of lab time pass in a wall second.
 */
public final class ScaledClock implements LabClock {

    static final ScaledClock REAL_TIME = new ScaledClock(Instant.now(), 1.0);

    /** A pace that makes a 12 h furnace program pass in about 0.4 s of wall time. */
    public static final double AS_FAST_AS_PRACTICAL = 100_000;

    private final Instant start;
    private final long wallStartNanos;
    private final double pace;

    public ScaledClock(Instant start, double pace) {
        if (!(pace > 0) || !Double.isFinite(pace)) {
            throw new IllegalArgumentException("pace must be a positive number of simulated seconds per wall second, was " + pace);
        }
        this.start = start;
        this.pace = pace;
        this.wallStartNanos = System.nanoTime();
    }

    @Override
    public Instant now() {
        if (pace == 1.0 && this == REAL_TIME) {
            return Instant.now();
        }
        double simNanos = (System.nanoTime() - wallStartNanos) * pace;
        return start.plusNanos((long) simNanos);
    }

    @Override
    public void sleepUntil(Instant time) throws InterruptedException {
        while (true) {
            Duration left = Duration.between(now(), time);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            long wallNanos = (long) (left.toNanos() / pace);
            if (wallNanos <= 0) {
                return;
            }
            Thread.sleep(wallNanos / 1_000_000, (int) (wallNanos % 1_000_000));
        }
    }

    @Override
    public double pace() {
        return pace;
    }
}
