package org.athanor.agent.optimize;

import java.util.List;
import java.util.Map;

/**
 * Chooses the next experiments from what has been seen. Strategies maximise {@link Observation#value()}; to minimise,
 * record the negated value.
 */
public interface Strategy {

    /** A short name for reports ({@code bo}, {@code random}, {@code grid}). */
    String name();

    SearchSpace space();

    /** Up to {@code batchSize} new points in the search space (one per parallel furnace slot). */
    List<Map<String, Object>> propose(List<Observation> history, int batchSize);

    /**
     * Pool-based choice (benchmarks on tables of past experiments): indices of up to {@code batchSize} candidates
     * from {@code pool}, none of them in {@code taken}.
     */
    List<Integer> pick(List<Observation> history, List<Map<String, Object>> pool, java.util.Set<Integer> taken, int batchSize);
}
