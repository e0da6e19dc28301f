package org.athanor.engine;

import org.athanor.workflow.Action;

/**
 * Carries out steps of one {@link Action} on an instrument. The engine calls {@link #execute} on a worker thread
 * and only while it holds the instrument's claim, so a handler never has to arbitrate between runs.
 */
public interface StepHandler {

    Action action();

    /**
     * Carries out the step and blocks until it is finished. The command sent to the instrument carries
     * {@code context.commandId()}, so a re-dispatch after a crash is recognised as the same command.
     *
     * @throws InstrumentFault      when the instrument is offline, timed out, reported an error or an open interlock
     * @throws InterruptedException when the engine shuts down
     */
    StepResult execute(StepContext context) throws InstrumentFault, InterruptedException;

    /**
     * Brings the instrument to a safe state for an aborted run (furnace off, door closed). Called on another
     * thread while {@link #execute} may still be running; it should make that call return soon.
     */
    default void abort(StepContext context) {
    }

    /** Tells the instrument its result is stored (called only after the measurements are journaled). */
    default void acknowledge(StepContext context, StepResult result) {
    }
}
