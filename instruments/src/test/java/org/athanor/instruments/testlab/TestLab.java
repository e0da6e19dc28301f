package org.athanor.instruments.testlab;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.Protocol;
import org.athanor.instruments.lab.LabDrivers;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * One real OPC UA server with the default lab's six synthesis devices and one real broker with xrd-1 and raman-1,
 * started once per test JVM and shared by the driver integration tests, with the default lab configuration pointed
 * at their free ports and the drivers opened on it.
 */
public final class TestLab {

    public static final ApprovalTokens APPROVALS = new ApprovalTokens("driver-tests-approval-secret".getBytes(StandardCharsets.UTF_8));

    private static TestLab shared;
    private static RuntimeException failedToStart;

    public final TestOpcUaServer opcua;
    public final TestBroker broker;
    public final Map<String, TestSynthesisDevice> devices;
    public final TestMqttDevice xrd;
    public final TestMqttDevice raman;
    public final LabConfig config;
    public final LabDrivers drivers;

    private TestLab() {
        List<TestSynthesisDevice> synthesis = List.of(
                new TestSynthesisDevice("dispenser-1", TestSynthesisDevice.Kind.DISPENSER),
                new TestSynthesisDevice("mill-1", TestSynthesisDevice.Kind.MIXER),
                new TestSynthesisDevice("robot-1", TestSynthesisDevice.Kind.TRANSFER),
                new TestSynthesisDevice("box-furnace-1", TestSynthesisDevice.Kind.FURNACE),
                new TestSynthesisDevice("box-furnace-2", TestSynthesisDevice.Kind.FURNACE),
                new TestSynthesisDevice("tube-furnace-1", TestSynthesisDevice.Kind.FURNACE));
        devices = synthesis.stream().collect(java.util.stream.Collectors.toMap(TestSynthesisDevice::id, d -> d));
        opcua = TestOpcUaServer.start(synthesis);
        broker = TestBroker.start();
        xrd = new TestMqttDevice("xrd-1", TestMqttDevice.Kind.XRD, broker.endpoint());
        raman = new TestMqttDevice("raman-1", TestMqttDevice.Kind.RAMAN, broker.endpoint());
        config = LabConfig.defaultLab()
                .withProtocolEndpoint(Protocol.OPCUA, opcua.endpoint())
                .withProtocolEndpoint(Protocol.MQTT, broker.endpoint());
        drivers = LabDrivers.open(config, APPROVALS, DriverOptions.defaults());
    }

    public static synchronized TestLab shared() {
        if (failedToStart != null) {
            throw failedToStart;
        }
        if (shared == null) {
            try {
                shared = new TestLab();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.drivers.close();
                shared.xrd.close();
                shared.raman.close();
                shared.broker.close();
                shared.opcua.close();
            }));
        }
        return shared;
    }

    /** True if no command with this id reached any test device. */
    public boolean neverReceived(String commandId) {
        return devices.values().stream().flatMap(d -> d.received().stream()).noneMatch(r -> commandId.equals(r.commandId()))
                && xrd.received().stream().noneMatch(r -> commandId.equals(r.commandId()))
                && raman.received().stream().noneMatch(r -> commandId.equals(r.commandId()));
    }
}
