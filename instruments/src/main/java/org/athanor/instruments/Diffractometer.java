package org.athanor.instruments;

import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.formats.XrdPattern;

/** A powder X-ray diffractometer. */
public interface Diffractometer extends Instrument {

    /**
     * Measures the approved {@code xrd} step (2θ range, step size, count time from its params). The pattern's metadata
     * holds {@code sample}, {@code commandId}, {@code radiation}, {@code startTime} and {@code endTime}.
     */
    CompletableFuture<XrdPattern> measure(ApprovedStep step);

    /** Opens or closes the sample door on behalf of an approved step. */
    CompletableFuture<Void> setDoor(ApprovedStep onBehalfOf, boolean open);
}
