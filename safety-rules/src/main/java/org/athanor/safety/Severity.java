package org.athanor.safety;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** {@code error} blocks the step; {@code warning} is reported and needs no approval. */
public enum Severity {
    ERROR, WARNING;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity of(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
