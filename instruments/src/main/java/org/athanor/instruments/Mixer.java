package org.athanor.instruments;

import java.util.concurrent.CompletableFuture;

/** A mixer or ball mill. Target state: the step's sample mixed for {@code duration} by {@code method}. */
public interface Mixer extends Instrument {

    CompletableFuture<MixResult> mix(ApprovedStep step);
}
