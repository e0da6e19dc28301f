package org.athanor.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The step kinds of schema version 1. */
public enum Action {
    DISPENSE, MIX, TRANSFER, HEAT, XRD, RAMAN, ANALYZE, WAIT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Action fromJson(String text) {
        return Arrays.stream(values())
                .filter(a -> a.json().equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step action '" + text + "'"));
    }
}
