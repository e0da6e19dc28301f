package org.athanor.workflow;

/** A workflow that cannot be read or interpreted; the message says what and where. */
public class WorkflowException extends RuntimeException {

    public WorkflowException(String message) {
        super(message);
    }

    public WorkflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
