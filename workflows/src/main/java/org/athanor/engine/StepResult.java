package org.athanor.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finished step reports: its measurements (journaled before they are acknowledged) and small outputs
 * (the dispensed mass, the furnace's maximum temperature).
 */
public record StepResult(List<Measurement> measurements, Map<String, Object> outputs) {

    public static final StepResult EMPTY = new StepResult(List.of(), Map.of());

    public StepResult {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public static StepResult of(Measurement m) {
        return new StepResult(List.of(m), Map.of());
    }

    public static StepResult outputs(Map<String, Object> outputs) {
        return new StepResult(List.of(), outputs);
    }
}
