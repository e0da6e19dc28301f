package org.athanor.instruments;

import java.util.concurrent.CompletableFuture;

/**
 * A box or tube furnace. Programs run hours on the lab clock: {@link #runProgram} returns at once with a future that
 * completes when the program and cooling end.
 */
public interface Furnace extends Instrument {

    /**
     * Runs the approved {@code heat} step's profile in its atmosphere with the samples named by the step's
     * {@code sample} (and its {@code samples} parameter if present).
     */
    CompletableFuture<FurnaceProgramResult> runProgram(ApprovedStep step);

    /**
     * Moves the door to open or closed on behalf of an approved step (a transfer in or out, or the heat step itself).
     * Idempotent: asking for the position the door already has is not an error.
     */
    CompletableFuture<Void> setDoor(ApprovedStep onBehalfOf, boolean open);

    /** Aborts whatever runs now. Safety actions need no approval. */
    CompletableFuture<Void> abort(String commandId);
}
