package org.athanor.instruments.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instrument of the lab: its id (as workflow steps name it), kind, protocol and endpoint (an {@code opc.tcp://}
 * URL, or the MQTT broker as {@code tcp://} / {@code ssl://}), a reference to its credentials, its capabilities and
 * limits, protocol settings, and for OPC UA the node of each capability where it differs from PROTOCOL.md's layout.
 */
public record InstrumentConfig(String id, InstrumentKind kind, Protocol protocol, String endpoint, String model,
                               Credentials credentials, OpcUaSettings opcua, MqttSettings mqtt,
                               List<String> capabilities, Limits limits, Map<String, NodeRef> nodes) {

    public InstrumentConfig {
        capabilities = capabilities == null ? (kind == null ? List.of() : kind.capabilities()) : List.copyOf(capabilities);
        limits = limits == null ? Limits.none() : limits;
        nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
        opcua = opcua == null ? OpcUaSettings.defaults() : opcua;
        mqtt = mqtt == null ? MqttSettings.defaults() : mqtt;
    }

    public InstrumentConfig withEndpoint(String newEndpoint) {
        return new InstrumentConfig(id, kind, protocol, newEndpoint, model, credentials, opcua, mqtt, capabilities, limits, nodes);
    }

    public Optional<Credentials> credentialsRef() {
        return Optional.ofNullable(credentials);
    }

    public boolean can(String capability) {
        return capabilities.contains(capability);
    }
}
