package org.athanor.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the engine's event stream (after Bluesky's document stream: every entry has an id, a time and links
 * to what it belongs to). Storage, the UI, reports and the planner all subscribe to this one stream.
 *
 * @param id         unique id of this event
 * @param type       what happened
 * @param time       lab time ({@link org.athanor.clock.LabClock}) when it happened
 * @param runId      the run (campaign) it belongs to
 * @param experiment the experiment within the run, or null for run-wide events
 * @param stepId     the workflow step, or null
 * @param commandId  the idempotent command id of the step attempt, or null
 * @param data       JSON-friendly details (strings, numbers, booleans, lists, maps)
 */
public record EngineEvent(String id, Type type, Instant time, String runId, String experiment, String stepId,
                          String commandId, Map<String, Object> data) {

    public enum Type {
        RUN_STARTED, RUN_AWAITING_APPROVAL, RUN_APPROVED, RUN_PAUSED, RUN_RESUMED, RUN_FINISHED,
        STEP_DISPATCHED, STEP_COMPLETED, STEP_FAILED, STEP_WAITING, STEP_RECONCILED, SAMPLE_MARKED,
        MEASUREMENT, ANALYSIS, DECISION;

        /** The name used in JSON and in the journal: {@code step.dispatched}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".").replace('_', '-');
        }

        public static Type fromJson(String text) {
            for (Type t : values()) {
                if (t.json().equals(text)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown event type '" + text + "'");
        }
    }

    public EngineEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(runId, "runId");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A detail of {@link #data()} as text, or null. */
    public String text(String key) {
        Object v = data.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
