package org.athanor.instruments.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.FurnaceProgramResult;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.testlab.Eventually;
import org.athanor.instruments.testlab.TestLab;
import org.athanor.instruments.testlab.TestOpcUaServer;
import org.athanor.instruments.testlab.TestSynthesisDevice;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OPC UA furnace driver against its own real Milo server: outages, identity, and a vendor address space. */
class OpcUaFurnaceResilienceIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private static ApprovedStep heatStep(String runId, String stepId) {
        Step step = new Step(stepId, Action.HEAT, "box-furnace-1", "S-1", null, Map.of())
                .withParam("profile", List.of(HeatSegment.celsius(800, 10, 1)))
                .withParam("atmosphere", Atmosphere.AIR)
                .withParam("crucible", "alumina");
        return new ApprovedStep(runId, step, TestLab.APPROVALS.issue(runId, step));
    }

    private static InstrumentConfig furnaceAt(String endpoint) {
        return LabConfig.defaultLab().withEndpoint("box-furnace-1", endpoint).instrument("box-furnace-1").orElseThrow();
    }

    private static boolean eventually(BooleanSupplier condition) {
        return Eventually.within(LIMIT, condition);
    }

    @Test
    void sendsNothingWhileOfflineAndReReadsTheDeviceBeforeTheFirstCommandAfterAReconnect() throws Exception {
        TestSynthesisDevice device = new TestSynthesisDevice("box-furnace-1", TestSynthesisDevice.Kind.FURNACE);
        try (TestOpcUaServer server = TestOpcUaServer.start(List.of(device));
             OpcUaFurnace furnace = new OpcUaFurnace(furnaceAt(server.endpoint()), TestLab.APPROVALS, DriverOptions.defaults())) {
            assertThat(eventually(furnace::isOnline)).isTrue();
            assertThat(furnace.state().doorOpen()).isFalse();
            int readsBefore = furnace.resyncCount();

            server.stopServer();
            assertThat(eventually(() -> !furnace.isOnline())).as("driver notices the outage").isTrue();
            ApprovedStep during = heatStep("run-outage", "heat-1");
            assertThatThrownBy(() -> furnace.runProgram(during).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(InstrumentException.class).hasMessageContaining("offline");
            assertThat(device.received()).isEmpty();

            device.setDoorLocally(true); // an operator opened the door while the link was down
            server.startServer();
            assertThat(eventually(furnace::isOnline)).as("driver reconnects").isTrue();
            assertThat(eventually(() -> Boolean.TRUE.equals(furnace.state().doorOpen())))
                    .as("state re-read after the reconnect shows the door the operator opened").isTrue();
            assertThat(furnace.resyncCount()).isGreaterThan(readsBefore);

            FurnaceProgramResult after = furnace.runProgram(during).get(30, TimeUnit.SECONDS);
            assertThat(after.completed()).isTrue();
            assertThat(device.executed("startProgram")).isEqualTo(1);
        }
    }

    @Test
    void aClosedDriverRefusesCommandsWithAClearError() throws Exception {
        TestSynthesisDevice device = new TestSynthesisDevice("box-furnace-1", TestSynthesisDevice.Kind.FURNACE);
        try (TestOpcUaServer server = TestOpcUaServer.start(List.of(device))) {
            OpcUaFurnace furnace = new OpcUaFurnace(furnaceAt(server.endpoint()), TestLab.APPROVALS, DriverOptions.defaults());
            assertThat(eventually(furnace::isOnline)).isTrue();
            furnace.close();
            // Before: the shut-down executor threw RejectedExecutionException at the caller (and Milo's listener
            // threads logged the same for every live value that arrived after the close).
            assertThatThrownBy(() -> furnace.runProgram(heatStep("run-closed", "heat-1")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(InstrumentException.class).hasMessageContaining("driver closed");
            assertThat(device.received()).isEmpty();
        }
    }

    @Test
    void connectsWithTheUserIdentityAndPasswordFileFromTheConfiguration() throws Exception {
        TestSynthesisDevice device = new TestSynthesisDevice("box-furnace-1", TestSynthesisDevice.Kind.FURNACE);
        try (TestOpcUaServer server = TestOpcUaServer.start(List.of(device))) {
            Files.writeString(dir.resolve("opcua.pw"), TestOpcUaServer.PASSWORD + "\n");
            LabConfig lab = LabConfig.load(writeLab(server.endpoint(), "opcua.pw"));
            try (OpcUaFurnace furnace = new OpcUaFurnace(lab.instrument("box-furnace-1").orElseThrow(), TestLab.APPROVALS,
                    DriverOptions.defaults())) {
                assertThat(eventually(furnace::isOnline)).isTrue();
                assertThat(furnace.runProgram(heatStep("run-user", "heat-1")).get(30, TimeUnit.SECONDS).completed()).isTrue();
            }
            Files.writeString(dir.resolve("wrong.pw"), "not-the-password");
            LabConfig wrong = LabConfig.load(writeLab(server.endpoint(), "wrong.pw"));
            DriverOptions quick = new DriverOptions(DriverOptions.defaults().clock(), Duration.ofSeconds(10), Duration.ofSeconds(3));
            assertThatThrownBy(() -> new OpcUaFurnace(wrong.instrument("box-furnace-1").orElseThrow(), TestLab.APPROVALS, quick))
                    .isInstanceOf(InstrumentException.class).hasMessageContaining("cannot connect");
        }
    }

    private Path writeLab(String endpoint, String passwordFile) throws Exception {
        Path p = dir.resolve("lab-" + passwordFile + ".yaml");
        Files.writeString(p, """
                name: secured
                instruments:
                  - id: box-furnace-1
                    kind: furnace
                    protocol: opcua
                    endpoint: %s
                    credentials: {username: %s, passwordFile: %s}
                    opcua: {securityPolicy: None, identity: username}
                    limits: {maxTemperatureC: 1200, maxRampCPerMin: 10, slots: 4, gases: [air]}
                """.formatted(endpoint, TestOpcUaServer.USER, passwordFile));
        return p;
    }

    @Test
    void drivesAVendorAddressSpaceMappedOnlyByConfiguration() throws Exception {
        TestSynthesisDevice device = new TestSynthesisDevice("box-furnace-1", TestSynthesisDevice.Kind.FURNACE);
        try (TestOpcUaServer server = TestOpcUaServer.start("urn:vendor:kiln", c -> "K." + c.replace('/', '.'), List.of(device))) {
            String v = "nsu=urn:vendor:kiln;s=K.box-furnace-1.";
            StringBuilder nodes = new StringBuilder();
            for (Map.Entry<String, String> e : Map.of("heartbeat", "Heartbeat", "errorCode", "ErrorCode", "errorMessage", "ErrorMessage",
                    "state", "FunctionalUnit.StateMachine.CurrentState", "lastCommandId", "FunctionalUnit.LastCommandId",
                    "result", "FunctionalUnit.Result", "door", "Sensors.Door", "occupancy", "Sensors.Occupancy",
                    "occupants", "Sensors.Occupants", "temperature", "FunctionalUnit.Temperature.CurrentValue").entrySet()) {
                nodes.append("      ").append(e.getKey()).append(": \"").append(v).append(e.getValue()).append("\"\n");
            }
            nodes.append("      atmosphere: \"").append(v).append("FunctionalUnit.Atmosphere\"\n");
            nodes.append("      startProgram: \"/Objects/box-furnace-1/FunctionalUnit/StartProgram\"\n");
            nodes.append("      setDoor: {node: \"").append(v).append("FunctionalUnit.SetDoor\", object: \"").append(v).append("FunctionalUnit\"}\n");
            Path p = dir.resolve("vendor.yaml");
            Files.writeString(p, """
                    name: vendor
                    instruments:
                      - id: box-furnace-1
                        kind: furnace
                        protocol: opcua
                        endpoint: %s
                        opcua: {namespaceUri: "urn:vendor:kiln"}
                        limits: {maxTemperatureC: 1200, maxRampCPerMin: 10, slots: 4, gases: [air]}
                        nodes:
                    %s""".formatted(server.endpoint(), nodes));
            InstrumentConfig mapped = LabConfig.load(p).instrument("box-furnace-1").orElseThrow();
            try (OpcUaFurnace furnace = new OpcUaFurnace(mapped, TestLab.APPROVALS, DriverOptions.defaults())) {
                assertThat(eventually(furnace::isOnline)).isTrue();
                assertThat(furnace.runProgram(heatStep("run-vendor", "heat-1")).get(30, TimeUnit.SECONDS).maxTemperatureC()).isEqualTo(800);
                furnace.setDoor(heatStep("run-vendor", "heat-1"), true).get(30, TimeUnit.SECONDS);
                assertThat(eventually(() -> Boolean.TRUE.equals(furnace.state().doorOpen()))).isTrue();
            }
            InstrumentConfig unmapped = furnaceAt(server.endpoint());
            assertThatThrownBy(() -> new OpcUaFurnace(unmapped, TestLab.APPROVALS, DriverOptions.defaults()))
                    .isInstanceOf(InstrumentException.class).hasMessageContaining("urn:athanor:lab");
        }
    }
}
