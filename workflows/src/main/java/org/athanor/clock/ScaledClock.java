package org.athanor.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that runs {@code pace} times faster than the wall clock from a chosen start instant.
 * Pace 3600 makes an hour of lab time pass in a wall second.
 *
 * <p>It stands still while any {@link #computing() computing section} is open: lab time is the wall time the clock
 * has been running, times the pace. Sleepers wait on a condition while it stands still and go on when the last
 * section closes. All state is read and changed under one lock, so {@link #now()} never goes backwards, whichever
 * thread opens or closes sections.
 */
public final class ScaledClock implements LabClock {

    static final ScaledClock REAL_TIME = new ScaledClock(Instant.now(), 1.0, false);

    /** A pace that makes a 12 h furnace program pass in about 0.4 s of wall time. */
    public static final double AS_FAST_AS_PRACTICAL = 100_000;

    /**
     * The paces a campaign may ask for. Slower than 0.01 the lab's sleeps overflow (lab seconds become centuries of wall
     * nanoseconds); faster than 10^7 a lab minute is a few wall microseconds and the drivers' heartbeats and timeouts,
     * which count lab time, no longer fit between two wall-clock reads.
     */
    public static final double MIN_PACE = 0.01;
    public static final double MAX_PACE = 10_000_000;

    private final Instant start;
    private final long wallStartNanos;
    private final double pace;
    private final boolean stops;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Open sections, counted per thread that opened them (a sleeping thread's own sections lapse while it sleeps). */
    private final Map<Thread, Integer> open = new HashMap<>();
    /** Threads sleeping on this clock whose own sections have lapsed meanwhile. */
    private final Map<Thread, Integer> lapsed = new HashMap<>();
    private int openTotal;
    /** Wall nanoseconds of the stops that have ended. */
    private long stoppedNanos;
    /** When the current stop began (System.nanoTime), valid while {@code openTotal > 0}. */
    private long stoppedSince;

    public ScaledClock(Instant start, double pace) {
        this(start, pace, true);
    }

    private ScaledClock(Instant start, double pace, boolean stops) {
        if (!(pace > 0) || !Double.isFinite(pace)) {
            throw new IllegalArgumentException("pace must be a positive number of simulated seconds per wall second, was " + pace);
        }
        this.start = start;
        this.pace = pace;
        this.stops = stops;
        this.wallStartNanos = System.nanoTime();
    }

    /**
     * A clock at {@code pace} that never stands still (its sections do nothing): for a simulated lab served to other
     * processes, whose clients' computation cannot stop it and whose heartbeats must keep in step with the wall clock.
     */
    public static ScaledClock continuous(Instant start, double pace) {
        return new ScaledClock(start, pace, false);
    }

    @Override
    public Instant now() {
        if (this == REAL_TIME) {
            return Instant.now();
        }
        lock.lock();
        try {
            return start.plusNanos((long) (runningNanos() * pace));
        } finally {
            lock.unlock();
        }
    }

    /** Wall nanoseconds the clock has been running since its start; call under the lock. */
    private long runningNanos() {
        long wall = openTotal > 0 ? stoppedSince : System.nanoTime();
        return wall - wallStartNanos - stoppedNanos;
    }

    /**
     * Blocks until the clock reads at least {@code time}: sleeps the wall time that is left at the pace while the clock
     * runs, and waits for the last section to close while it stands still (no polling). A thread that sleeps here inside
     * its own computing sections is waiting for the lab, not computing: its sections lapse until it wakes, so it cannot
     * stop the very time it waits for.
     */
    @Override
    public void sleepUntil(Instant time) throws InterruptedException {
        if (this == REAL_TIME) {
            sleepRealTime(time);
            return;
        }
        lock.lock();
        try {
            Integer own = open.remove(Thread.currentThread());
            if (own != null) {
                lapsed.put(Thread.currentThread(), own);
                release(own);
            }
            try {
                while (true) {
                    Duration left = Duration.between(start.plusNanos((long) (runningNanos() * pace)), time);
                    if (left.isNegative() || left.isZero()) {
                        return;
                    }
                    if (openTotal > 0) {
                        changed.await();
                    } else {
                        long wallNanos = (long) Math.ceil(left.toNanos() / pace);
                        changed.awaitNanos(Math.max(1, wallNanos));
                    }
                }
            } finally {
                Integer back = lapsed.remove(Thread.currentThread());
                if (back != null) {
                    open.put(Thread.currentThread(), back);
                    acquire(back);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void sleepRealTime(Instant time) throws InterruptedException {
        while (true) {
            Duration left = Duration.between(Instant.now(), time);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(left.toNanos());
        }
    }

    @Override
    public Section computing() {
        if (!stops) {
            return Section.NONE;
        }
        Thread owner = Thread.currentThread();
        lock.lock();
        try {
            open.merge(owner, 1, Integer::sum);
            acquire(1);
        } finally {
            lock.unlock();
        }
        return new Section() {
            private boolean closed;

            @Override
            public void close() {
                lock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    // Closed while its thread sleeps on the clock: the lapsed count is the one to lower.
                    Map<Thread, Integer> where = open.containsKey(owner) ? open : lapsed;
                    Integer n = where.get(owner);
                    if (n != null) {
                        if (n == 1) {
                            where.remove(owner);
                        } else {
                            where.put(owner, n - 1);
                        }
                        if (where == open) {
                            release(1);
                        }
                    }
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /** Counts {@code n} more open sections; the first stops the clock. Call under the lock. */
    private void acquire(int n) {
        if (openTotal == 0) {
            stoppedSince = System.nanoTime();
        }
        openTotal += n;
    }

    /** Counts {@code n} fewer open sections; the last restarts the clock and wakes the sleepers. Call under the lock. */
    private void release(int n) {
        openTotal -= n;
        if (openTotal == 0) {
            stoppedNanos += System.nanoTime() - stoppedSince;
            changed.signalAll();
        }
    }

    @Override
    public long stoppedWallNanos() {
        if (!stops) {
            return 0;
        }
        lock.lock();
        try {
            return stoppedNanos + (openTotal > 0 ? System.nanoTime() - stoppedSince : 0);
        } finally {
            lock.unlock();
        }
    }

    /** Whether a computing section is open now (the clock stands still). */
    public boolean stopped() {
        lock.lock();
        try {
            return openTotal > 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public double pace() {
        return pace;
    }
}
