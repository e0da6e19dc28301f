package org.athanor.safety;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an error means for the step. Plan-time errors reject; at dispatch a transient condition (door open, crucible
 * still hot, instrument busy) makes the step wait, and a silent instrument pauses the run. None of them sends the step.
 */
public enum Remedy {
    /** The step may go (warnings only). */
    NONE,
    /** The step is unsafe as written: reject it. */
    REJECT,
    /** Hold the step and re-vet when the live state changes. */
    WAIT,
    /** Pause the whole run until an operator looks. */
    PAUSE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
