package org.athanor.engine;

/**
 * Asks an instrument what became of a command that was in flight when the agent stopped (the handler side
 * implements it, reading e.g. {@code FunctionalUnit/LastCommandId} and {@code Result}, see PROTOCOL.md).
 */
@FunctionalInterface
public interface Reconciler {

    Reconciliation reconcile(StepContext context) throws InterruptedException;

    /** For instruments that cannot be asked: assume nothing arrived and re-send with the same command id. */
    Reconciler RESEND = c -> Reconciliation.NOT_FINISHED;
}
