package org.athanor.engine;

import java.util.concurrent.CompletableFuture;

/** A submitted execution: its names and the future of its outcome. */
public record RunHandle(String runId, String experiment, CompletableFuture<RunOutcome> outcome) {
}
