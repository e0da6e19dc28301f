package org.athanor.safety.lab;

import java.time.Instant;

/**
 * What an instrument reports live: when it last sent a heartbeat (null: never), which run holds it (null: free),
 * its door and interlock states, and its temperature in °C (NaN when it has none or it is unknown).
 * {@code interlockClosed} is the XRD shutter interlock or the Raman enclosure interlock.
 */
public record InstrumentReading(Instant lastHeartbeat, String claimedBy, boolean doorClosed, boolean interlockClosed,
                                double temperatureC) {

    /** A healthy idle instrument at {@code time}: heartbeat now, unclaimed, closed, at room temperature. */
    public static InstrumentReading idle(Instant time, double temperatureC) {
        return new InstrumentReading(time, null, true, true, temperatureC);
    }

    public InstrumentReading withHeartbeat(Instant time) {
        return new InstrumentReading(time, claimedBy, doorClosed, interlockClosed, temperatureC);
    }

    public InstrumentReading withClaim(String runId) {
        return new InstrumentReading(lastHeartbeat, runId, doorClosed, interlockClosed, temperatureC);
    }

    public InstrumentReading withDoorClosed(boolean closed) {
        return new InstrumentReading(lastHeartbeat, claimedBy, closed, interlockClosed, temperatureC);
    }

    public InstrumentReading withInterlockClosed(boolean closed) {
        return new InstrumentReading(lastHeartbeat, claimedBy, doorClosed, closed, temperatureC);
    }

    public InstrumentReading withTemperature(double celsius) {
        return new InstrumentReading(lastHeartbeat, claimedBy, doorClosed, interlockClosed, celsius);
    }
}
