package org.athanor.engine;

/** The journal could not store or read events; durability is not guaranteed while this happens. */
public class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
