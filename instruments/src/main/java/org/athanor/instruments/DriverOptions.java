package org.athanor.instruments;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.LabClock;

/**
 * How a driver waits. {@code clock} is the lab clock (a {@link org.athanor.clock.ScaledClock} in dry runs), used to
 * turn a program's lab duration into a wall-clock timeout; {@code commandTimeout} bounds every exchange and every
 * short operation (wall time); {@code connectTimeout} bounds the first connection, retried with backoff meanwhile.
 * Wall time during which the lab clock stood still (the agent computing, {@link LabClock#computing()}) does not count
 * against a timeout: an instrument on that clock could not move on meanwhile.
 */
public record DriverOptions(LabClock clock, Duration commandTimeout, Duration connectTimeout) {

    public static DriverOptions defaults() {
        return new DriverOptions(LabClock.system(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    public DriverOptions withClock(LabClock newClock) {
        return new DriverOptions(newClock, commandTimeout, connectTimeout);
    }

    public DriverOptions withCommandTimeout(Duration timeout) {
        return new DriverOptions(clock, timeout, connectTimeout);
    }

    /** Wall time for an operation expected to take {@code labDuration} on the lab clock, with a margin. */
    public Duration wallTimeoutFor(Duration labDuration) {
        long wallMillis = (long) (labDuration.toMillis() * 2 / clock.pace());
        return commandTimeout.plusMillis(wallMillis);
    }

    /**
     * How often an OPC UA driver samples and is sent its instrument's state: every 50 ms on hardware; on a fast
     * simulated clock every lab minute, but not more often than every 10 ms (the OPC UA server samples by reading the
     * simulated instruments). At 50 ms and the dry run's pace of 100 000, an instrument's result reached the driver
     * on average ≈ 50–75 ms, about 1.4–2 lab hours, after it was there; at 10 ms it is about 20 lab minutes.
     */
    public Duration monitoringInterval() {
        double labMinuteMs = 60_000 / clock.pace();
        return Duration.ofMillis(Math.round(Math.max(10, Math.min(50, labMinuteMs))));
    }

    /**
     * Completes {@code future} with a {@link java.util.concurrent.TimeoutException} once {@code wallTimeout} of wall time has passed while the
     * lab clock ran ({@link CompletableFuture#orTimeout} that does not count the clock's stops); returns {@code future}.
     */
    public <T> CompletableFuture<T> orTimeout(CompletableFuture<T> future, Duration wallTimeout) {
        if (clock == LabClock.system()) {
            return future.orTimeout(wallTimeout.toNanos(), TimeUnit.NANOSECONDS); // real time never stands still
        }
        LabTimeouts.schedule(future, wallTimeout.toNanos(), clock);
        return future;
    }

    /**
     * Wall nanoseconds still to wait for a timeout of {@code wallTimeout} started when the clock had stood still
     * {@code stoppedAtStart} ns, {@code waitedNanos} of wall time ago; 0 when it is over.
     */
    public long remainingNanos(Duration wallTimeout, long stoppedAtStart, long waitedNanos) {
        long stoppedMeanwhile = clock.stoppedWallNanos() - stoppedAtStart;
        return Math.max(0, wallTimeout.toNanos() + stoppedMeanwhile - waitedNanos);
    }
}
