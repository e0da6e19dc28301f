package org.athanor.agent.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One finished experiment: its parameters and the objective's value (strategies maximise it). */
public record Observation(Map<String, Object> parameters, double value) {
    public Observation {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
