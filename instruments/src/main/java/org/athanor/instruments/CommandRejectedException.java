package org.athanor.instruments;

/**
 * A command that was not sent, or that the device refused: missing or wrong approval, a step for another instrument
 * or action, parameters outside the instrument's limits, or the device's own "rejected: reason". Not retryable as is.
 */
public class CommandRejectedException extends RuntimeException {

    private final String instrumentId;
    private final String commandId;

    public CommandRejectedException(String instrumentId, String commandId, String reason) {
        super(instrumentId + " refused " + (commandId == null ? "a command" : "command " + commandId) + ": " + reason);
        this.instrumentId = instrumentId;
        this.commandId = commandId;
    }

    public String instrumentId() {
        return instrumentId;
    }

    public String commandId() {
        return commandId;
    }
}
