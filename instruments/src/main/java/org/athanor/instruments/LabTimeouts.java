package org.athanor.instruments;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athanor.clock.LabClock;

/**
 * Timeouts of driver futures that do not count the wall time during which the lab clock stood still: at the deadline,
 * a clock that stopped meanwhile earns the future as much wall time again (repeatedly), and only a deadline with no
 * stop in between times it out. The check is cancelled as soon as the future completes.
 */
final class LabTimeouts {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private LabTimeouts() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "athanor-driver-timeouts");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true); // completed futures leave no check behind
        return t;
    }

    static void schedule(CompletableFuture<?> future, long wallNanos, LabClock clock) {
        long stoppedBefore = clock.stoppedWallNanos();
        ScheduledFuture<?> check = TIMER.schedule(() -> {
            if (future.isDone()) {
                return;
            }
            long stopped = clock.stoppedWallNanos() - stoppedBefore;
            if (stopped > 0) {
                schedule(future, stopped, clock);
            } else {
                future.completeExceptionally(new TimeoutException());
            }
        }, Math.max(1, wallNanos), TimeUnit.NANOSECONDS);
        future.whenComplete((r, e) -> check.cancel(false));
    }
}
