package org.athanor.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Data an instrument produced for a sample (an XRD pattern, a Raman spectrum, a dispensed mass).
 *
 * @param kind   what was measured ({@code xrd}, {@code raman}, {@code mass})
 * @param sample the sample id
 * @param data   JSON-friendly values as the instrument reported them
 */
public record Measurement(String kind, String sample, Map<String, Object> data) {
    public Measurement {
        Objects.requireNonNull(kind, "kind");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
