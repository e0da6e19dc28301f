package org.athanor.instruments;

import java.util.concurrent.CompletableFuture;

/** A powder doser. Target state: the step's sample holds {@code mass} more of {@code material}. */
public interface Dispenser extends Instrument {

    /** Doses the approved {@code dispense} step; completes when the dose is on the balance. */
    CompletableFuture<DispenseResult> dispense(ApprovedStep step);
}
