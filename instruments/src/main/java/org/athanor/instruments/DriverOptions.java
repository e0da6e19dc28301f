package org.athanor.instruments;

import java.time.Duration;
import org.athanor.clock.LabClock;

/**
 * How a driver waits. {@code clock} is the lab clock (a {@link org.athanor.clock.ScaledClock} in dry runs), used to
 * turn a program's lab duration into a wall-clock timeout; {@code commandTimeout} bounds every exchange and every
 * short operation (wall time); {@code connectTimeout} bounds the first connection, retried with backoff meanwhile.
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
}
