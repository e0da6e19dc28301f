package org.athanor.instruments.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the lab talks to an instrument: OPC UA (synthesis hardware) or MQTT 5 (characterisation). */
public enum Protocol {
    OPCUA, MQTT;

    @JsonValue
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Protocol fromYaml(String text) {
        for (Protocol p : values()) {
            if (p.yaml().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + text + "' (opcua or mqtt)");
    }
}
