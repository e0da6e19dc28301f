package org.athanor.engine;

import java.util.List;

/**
 * Durable storage of the event stream. The engine appends every event here before any other listener sees it and
 * before it acknowledges a measurement to the instrument, so a crash loses nothing that was acknowledged.
 */
public interface Journal {

    /** Stores the event durably; returns only once it is stored. */
    void append(EngineEvent event);

    /** Stores several events at once, all or none (one transaction where the storage has them). */
    default void appendAll(List<EngineEvent> events) {
        events.forEach(this::append);
    }

    /** Every event of one run in the order appended; empty when the run is unknown. */
    List<EngineEvent> events(String runId);

    /** The state of the run rebuilt from its events. */
    default RunState state(String runId) {
        return RunState.replay(runId, events(runId));
    }

    /** A journal that stores nothing (unit tests, throwaway dry runs). */
    Journal NONE = new Journal() {
        @Override
        public void append(EngineEvent event) {
        }

        @Override
        public List<EngineEvent> events(String runId) {
            return List.of();
        }
    };
}
