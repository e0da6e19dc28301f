package org.athanor.instruments;

import java.util.concurrent.CompletableFuture;

/**
 * A transfer arm. Target state: the step's sample is at {@code to} (step params {@code from} and {@code to}: an
 * instrument id or {@code rack}).
 */
public interface Transfer extends Instrument {

    CompletableFuture<TransferResult> transfer(ApprovedStep step);
}
