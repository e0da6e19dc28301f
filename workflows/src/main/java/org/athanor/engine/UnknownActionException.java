package org.athanor.engine;

/** A workflow asks for a step kind no handler is registered for. */
public class UnknownActionException extends IllegalArgumentException {
    public UnknownActionException(String message) {
        super(message);
    }
}
