package org.athanor.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The step kinds of schema version 1. */
public enum Action {
    DISPENSE, MIX, TRANSFER, HEAT, XRD, RAMAN, ANALYZE, WAIT;

    /** Kept, not recomputed: the safety gate reads every step's action on every vet. */
    private final String json = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static Action fromJson(String text) {
        return Arrays.stream(values())
                .filter(a -> a.json().equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step action '" + text + "'"));
    }
}
