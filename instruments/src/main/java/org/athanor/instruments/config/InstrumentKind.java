package org.athanor.instruments.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an instrument is, which fixes the capability interface its driver implements and the workflow actions it serves. */
public enum InstrumentKind {
    DISPENSER(List.of("dispense")),
    MIXER(List.of("mix")),
    TRANSFER(List.of("transfer")),
    FURNACE(List.of("heat", "door")),
    DIFFRACTOMETER(List.of("xrd", "door")),
    RAMAN(List.of("raman"));

    private final List<String> capabilities;

    InstrumentKind(List<String> capabilities) {
        this.capabilities = capabilities;
    }

    /** The actions (workflow step actions, plus "door") an instrument of this kind can perform. */
    public List<String> capabilities() {
        return capabilities;
    }

    @JsonValue
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InstrumentKind fromYaml(String text) {
        return Arrays.stream(values()).filter(k -> k.yaml().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown instrument kind '" + text + "' ("
                        + Arrays.stream(values()).map(InstrumentKind::yaml).collect(Collectors.joining(", ")) + ")"));
    }
}
