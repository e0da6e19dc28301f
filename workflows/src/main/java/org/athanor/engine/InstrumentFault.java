package org.athanor.engine;

/**
 * A fault an instrument reported or the driver detected. It pauses the affected run with {@link #getMessage()} as
 * the reason; other runs go on.
 */
public class InstrumentFault extends Exception {

    public enum Kind { OFFLINE, TIMEOUT, ERROR_CODE, INTERLOCK_OPEN, REJECTED }

    private final Kind kind;
    private final String instrument;

    public InstrumentFault(Kind kind, String instrument, String message) {
        super(message);
        this.kind = kind;
        this.instrument = instrument;
    }

    public Kind kind() {
        return kind;
    }

    public String instrument() {
        return instrument;
    }

    /** The reason shown to the operator: {@code furnace box-furnace-1: interlock open (door opened during program)}. */
    public String reason() {
        return (instrument == null ? "" : instrument + ": ") + kind.name().toLowerCase().replace('_', ' ') + " (" + getMessage() + ")";
    }
}
