package org.athanor.engine;

import java.util.List;
import java.util.Map;

/**
 * How an execution ended.
 *
 * @param status        completed (every step done or skipped by decision) or aborted
 * @param results       the result of every finished step, by step id
 * @param markedSamples samples marked on the way (interrupted heating, abort), with the reason
 * @param reason        why it ended this way
 */
public record RunOutcome(String runId, String experiment, Status status, Map<String, StepResult> results,
                         Map<String, String> markedSamples, String reason) {

    public enum Status { COMPLETED, ABORTED }

    public RunOutcome {
        results = Map.copyOf(results);
        markedSamples = Map.copyOf(markedSamples);
    }

    public List<Measurement> measurements() {
        return results.values().stream().flatMap(r -> r.measurements().stream()).toList();
    }
}
