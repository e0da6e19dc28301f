package org.athanor.agent.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.athanor.engine.EngineEvent;

/** The JSON forms of an event: its data column, and the one-line form {@code athanor journal --json} prints. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIXED = Set.of("type", "time", "run", "experiment", "step", "commandId", "id");

    private EventJson() {
    }

    public static String data(EngineEvent e) {
        try {
            return MAPPER.writeValueAsString(e.data());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event " + e.type().json() + " has data that is not JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    public static Map<String, Object> parseData(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("journal holds an event whose data is not JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * {@code {"type","time","experiment","step","commandId","run","id", ...data}}: the data's own keys follow at the
     * top level, except any that would shadow a fixed field (those stay under {@code "data"}).
     */
    public static String line(EngineEvent e) {
        try {
            return MAPPER.writeValueAsString(fields(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The fields of {@link #line}, in its order. */
    public static Map<String, Object> fields(EngineEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", e.type().json());
        out.put("time", e.time().toString());
        out.put("experiment", e.experiment());
        out.put("step", e.stepId());
        out.put("commandId", e.commandId());
        out.put("run", e.runId());
        out.put("id", e.id());
        Map<String, Object> shadowed = new LinkedHashMap<>();
        e.data().forEach((k, v) -> {
            if (FIXED.contains(k)) {
                shadowed.put(k, v);
            } else {
                out.put(k, v);
            }
        });
        if (!shadowed.isEmpty()) {
            out.put("data", shadowed);
        }
        return out;
    }
}
