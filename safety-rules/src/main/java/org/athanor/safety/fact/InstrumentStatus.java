package org.athanor.safety.fact;

/**
 * An instrument's live state: seconds since its last heartbeat (infinite when never heard), the run that holds it,
 * door and interlock states, its temperature (NaN when unknown).
 */
public record InstrumentStatus(String id, double heartbeatAgeS, String claimedBy, boolean doorClosed,
                               boolean interlockClosed, double temperatureC) {
}
