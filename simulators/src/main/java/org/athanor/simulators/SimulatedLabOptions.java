package org.athanor.simulators;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.athanor.clock.LabClock;
import org.athanor.clock.ScaledClock;
import org.athanor.simulators.lab.ApprovalCheck;
import org.athanor.simulators.world.SynthesisWorld;

/**
 * How to start a {@link SimulatedLab}. Port 0 picks a free port. {@code externalBrokerUri}, when set, uses that MQTT 5
 * broker (e.g. Mosquitto) instead of the embedded HiveMQ. {@code dataDir} holds the generated certificates, the trust
 * list and the broker's files; a temporary directory when empty.
 */
public record SimulatedLabOptions(String bindAddress, int opcUaPort, int mqttPort, Optional<String> externalBrokerUri,
                                  LabClock clock, long seed, Map<String, Double> inventoryGrams,
                                  Map<String, Integer> crucibles, Map<String, String> opcUaUsers,
                                  ApprovalCheck approvals, Optional<Path> dataDir) {

    public SimulatedLabOptions {
        inventoryGrams = Map.copyOf(inventoryGrams);
        crucibles = Map.copyOf(crucibles);
        opcUaUsers = Map.copyOf(opcUaUsers);
    }

    /** The default lab on the default ports (OPC UA 4840, MQTT 1883), real-time clock. */
    public static SimulatedLabOptions defaults() {
        return new SimulatedLabOptions("127.0.0.1", 4840, 1883, Optional.empty(), new ScaledClock(Instant.now(), 1.0), 1,
                SynthesisWorld.defaultInventory(), SynthesisWorld.defaultCrucibles(), Map.of("operator", "athanor-sim"),
                ApprovalCheck.ACCEPT_ALL, Optional.empty());
    }

    /** Free ports and a fast clock, as tests want. */
    public static SimulatedLabOptions forTests(double pace) {
        return defaults().withPorts(0, 0).withClock(new ScaledClock(Instant.parse("2026-01-01T08:00:00Z"), pace));
    }

    public SimulatedLabOptions withPorts(int opcUa, int mqtt) {
        return new SimulatedLabOptions(bindAddress, opcUa, mqtt, externalBrokerUri, clock, seed, inventoryGrams, crucibles,
                opcUaUsers, approvals, dataDir);
    }

    public SimulatedLabOptions withClock(LabClock newClock) {
        return new SimulatedLabOptions(bindAddress, opcUaPort, mqttPort, externalBrokerUri, newClock, seed, inventoryGrams,
                crucibles, opcUaUsers, approvals, dataDir);
    }

    public SimulatedLabOptions withSeed(long newSeed) {
        return new SimulatedLabOptions(bindAddress, opcUaPort, mqttPort, externalBrokerUri, clock, newSeed, inventoryGrams,
                crucibles, opcUaUsers, approvals, dataDir);
    }

    public SimulatedLabOptions withExternalBroker(String uri) {
        return new SimulatedLabOptions(bindAddress, opcUaPort, mqttPort, Optional.of(uri), clock, seed, inventoryGrams,
                crucibles, opcUaUsers, approvals, dataDir);
    }

    public SimulatedLabOptions withApprovals(ApprovalCheck check) {
        return new SimulatedLabOptions(bindAddress, opcUaPort, mqttPort, externalBrokerUri, clock, seed, inventoryGrams,
                crucibles, opcUaUsers, check, dataDir);
    }

    public SimulatedLabOptions withDataDir(Path dir) {
        return new SimulatedLabOptions(bindAddress, opcUaPort, mqttPort, externalBrokerUri, clock, seed, inventoryGrams,
                crucibles, opcUaUsers, approvals, Optional.of(dir));
    }

    public SimulatedLabOptions withInventory(Map<String, Double> grams) {
        return new SimulatedLabOptions(bindAddress, opcUaPort, mqttPort, externalBrokerUri, clock, seed, grams, crucibles,
                opcUaUsers, approvals, dataDir);
    }

    public SimulatedLabOptions withBindAddress(String address) {
        return new SimulatedLabOptions(address, opcUaPort, mqttPort, externalBrokerUri, clock, seed, inventoryGrams,
                crucibles, opcUaUsers, approvals, dataDir);
    }

    public SimulatedLabOptions withUsers(Map<String, String> users) {
        return new SimulatedLabOptions(bindAddress, opcUaPort, mqttPort, externalBrokerUri, clock, seed, inventoryGrams,
                crucibles, users, approvals, dataDir);
    }
}
