package org.athanor.engine;

import java.time.Duration;

/** The outcome of a dispatch-time check: proceed, wait and ask again later, or pause the run with a reason. */
public sealed interface DispatchVerdict {

    Proceed PROCEED = new Proceed();

    record Proceed() implements DispatchVerdict {
    }

    /** Not now (the furnace is still cooling, the interlock is settling); ask again after {@code retryAfter} of lab time. */
    record Wait(String reason, Duration retryAfter) implements DispatchVerdict {
    }

    /** Stop this run until an operator resumes it. */
    record Pause(String reason) implements DispatchVerdict {
    }

    static DispatchVerdict waitFor(String reason, Duration retryAfter) {
        return new Wait(reason, retryAfter);
    }

    static DispatchVerdict pause(String reason) {
        return new Pause(reason);
    }
}
