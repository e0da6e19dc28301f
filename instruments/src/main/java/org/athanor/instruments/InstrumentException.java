package org.athanor.instruments;

/**
 * The driver could not complete an exchange with its instrument: offline, a timeout, a transport or protocol error.
 * The command may or may not have reached the device; re-sending it with the same command id is safe.
 */
public class InstrumentException extends RuntimeException {

    private final String instrumentId;

    public InstrumentException(String instrumentId, String message, Throwable cause) {
        super(instrumentId + ": " + message, cause);
        this.instrumentId = instrumentId;
    }

    public InstrumentException(String instrumentId, String message) {
        this(instrumentId, message, null);
    }

    public String instrumentId() {
        return instrumentId;
    }
}
