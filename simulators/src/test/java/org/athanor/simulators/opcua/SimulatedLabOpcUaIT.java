package org.athanor.simulators.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.athanor.simulators.SimulatedLab;
import org.athanor.simulators.SharedLab;
import org.athanor.workflow.WorkflowJson;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated lab's OPC UA server against a real Milo client: browse, read, subscribe, call. */
class SimulatedLabOpcUaIT {

    static SimulatedLab lab;
    static OpcUaClient client;
    static int ns;

    @BeforeAll
    static void startLab() throws Exception {
        lab = SharedLab.get();
        client = OpcUaClients.anonymous(lab.opcUaEndpoint());
        ns = client.getNamespaceTable().getIndex("urn:athanor:lab").intValue();
    }

    @AfterAll
    static void stopLab() throws Exception {
        if (client != null) {
            client.disconnect();
        }
    }

    static NodeId node(String path) {
        return new NodeId(ns, path);
    }

    static Object read(String path) throws Exception {
        DataValue v = client.readValue(0, TimestampsToReturn.Both, node(path));
        assertThat(v.statusCode().isGood()).as("read %s: %s", path, v.statusCode()).isTrue();
        return v.value().value();
    }

    static String call(String instrument, String method, Object... inputs) throws Exception {
        CallMethodResult r = callRaw(instrument, method, inputs);
        assertThat(r.getStatusCode().isGood()).as("%s.%s: %s", instrument, method, r.getStatusCode()).isTrue();
        return (String) r.getOutputArguments()[0].value();
    }

    static CallMethodResult callRaw(String instrument, String method, Object... inputs) throws Exception {
        Variant[] args = new Variant[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            args[i] = new Variant(inputs[i]);
        }
        CallMethodRequest request = new CallMethodRequest(node(instrument + "/FunctionalUnit"),
                node(instrument + "/FunctionalUnit/" + method), args);
        return client.call(List.of(request)).getResults()[0];
    }

    static List<String> browseNames(NodeId parent) throws Exception {
        BrowseResult result = client.browse(new BrowseDescription(parent, BrowseDirection.Forward, NodeIds.HierarchicalReferences,
                true, uint(0), uint(63)));
        List<String> names = new ArrayList<>();
        for (ReferenceDescription d : result.getReferences()) {
            names.add(d.getBrowseName().name());
        }
        return names;
    }

    /** Subscribes to a node and waits (bounded) until a value satisfies {@code condition}; returns every value seen. */
    static List<Object> awaitValue(String path, Predicate<Object> condition, Duration timeout) throws Exception {
        OpcUaSubscription subscription = new OpcUaSubscription(client, 20.0);
        subscription.create();
        List<Object> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> done = new CompletableFuture<>();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node(path));
        item.setSamplingInterval(10);
        item.setDataValueListener((i, value) -> {
            Object v = value.value().value();
            seen.add(v);
            if (condition.test(v)) {
                done.complete(v);
            }
        });
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return seen;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(path + " did not satisfy the condition within " + timeout + "; values seen: " + seen, e);
        } finally {
            try {
                subscription.delete();
            } catch (Exception e) {
                // a server that dropped the subscription meanwhile must not hide why the wait failed
            }
        }
    }

    @Test
    void everyInstrumentIsAFolderUnderObjectsWithTheLadsLikeTree() throws Exception {
        assertThat(browseNames(NodeIds.ObjectsFolder)).contains("dispenser-1", "mill-1", "robot-1", "box-furnace-1",
                "box-furnace-2", "tube-furnace-1");
        assertThat(browseNames(node("box-furnace-1"))).contains("Identification", "Heartbeat", "ErrorCode", "FunctionalUnit",
                "Sensors", "Limits");
        assertThat(browseNames(node("box-furnace-1/FunctionalUnit"))).contains("StateMachine", "Temperature", "GasFlow",
                "Start", "Stop", "Abort", "Clear", "SetDoor", "StartProgram", "Result", "LastCommandId");
        assertThat(browseNames(node("dispenser-1/FunctionalUnit"))).contains("Dispense");
    }

    @Test
    void limitsFollowTheSafetyEnvelope() throws Exception {
        assertThat(read("box-furnace-1/Limits/MaxTemperature")).isEqualTo(1200.0);
        assertThat(read("tube-furnace-1/Limits/MaxTemperature")).isEqualTo(1500.0);
        assertThat(read("box-furnace-2/Limits/Slots")).isEqualTo(4);
        assertThat(read("tube-furnace-1/Limits/Gases")).asString().contains("Ar", "H2/Ar");
        assertThat(read("box-furnace-1/Limits/Gases")).isEqualTo("air");
    }

    @Test
    void heartbeatIsLabClockTime() throws Exception {
        Instant before = lab.clock().now();
        Instant beat = ((DateTime) read("mill-1/Heartbeat")).getJavaInstant();
        assertThat(beat).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(Duration.between(before, beat)).isLessThan(Duration.ofMinutes(30));
    }

    @Test
    void aRepeatedCommandIdDispensesOnce() throws Exception {
        assertThat(call("dispenser-1", "Dispense", "d-1", "token", "s-dup", "TiO2", 500.0)).isEqualTo("accepted");
        assertThat(call("dispenser-1", "Dispense", "d-1", "token", "s-dup", "TiO2", 500.0)).isEqualTo("duplicate");
        awaitValue("dispenser-1/FunctionalUnit/Result", v -> String.valueOf(v).contains("\"d-1\""), Duration.ofSeconds(10));
        JsonNode result = WorkflowJson.mapper().readTree((String) read("dispenser-1/FunctionalUnit/Result"));
        assertThat(result.path("completed").asBoolean()).isTrue();
        assertThat(result.path("dispensedMg").asDouble()).isCloseTo(500, within(10.0));
        assertThat(lab.world().snapshot("s-dup").dispensedMg().get("TiO2")).isCloseTo(result.path("dispensedMg").asDouble(), within(1e-9));
        assertThat(read("dispenser-1/FunctionalUnit/LastCommandId")).isEqualTo("d-1");
    }

    @Test
    void dispenserRefusesADoseOutsideItsEnvelope() throws Exception {
        assertThat(call("dispenser-1", "Dispense", "d-big", "token", "s-big", "TiO2", 25_000.0))
                .startsWith("rejected:").contains("20");
        assertThat(call("dispenser-1", "Dispense", "d-unknown", "token", "s-big", "Unobtainium", 100.0))
                .startsWith("rejected:").contains("inventory");
    }

    @Test
    void aFurnaceProgramHeatsTheSampleAndEndsStoppedWhenCool() throws Exception {
        String sample = "s-bto";
        call("dispenser-1", "Dispense", "f-d1", "t", sample, "BaCO3", 1973.0);
        awaitValue("dispenser-1/FunctionalUnit/StateMachine/CurrentState", "Stopped"::equals, Duration.ofSeconds(10));
        call("dispenser-1", "Dispense", "f-d2", "t", sample, "TiO2", 799.0);
        awaitValue("dispenser-1/FunctionalUnit/StateMachine/CurrentState", "Stopped"::equals, Duration.ofSeconds(10));
        assertThat(call("robot-1", "Transfer", "f-t1", "t", sample, "rack", "box-furnace-2")).isEqualTo("accepted");
        awaitValue("robot-1/FunctionalUnit/StateMachine/CurrentState", "Stopped"::equals, Duration.ofSeconds(10));
        assertThat(read("box-furnace-2/Sensors/Occupancy")).isEqualTo(1);
        assertThat(read("box-furnace-2/Sensors/Occupants")).asString().contains(sample);

        String program = "{\"samples\":[\"" + sample + "\"],\"atmosphere\":{\"gas\":\"air\"},\"profile\":[{\"temperature\":"
                + "{\"value\":1100,\"unit\":\"°C\"},\"rampRate\":{\"value\":10,\"unit\":\"°C/min\"},\"hold\":{\"value\":2,\"unit\":\"h\"}}]}";
        assertThat(call("box-furnace-2", "StartProgram", "f-p1", "t", program)).isEqualTo("accepted");
        assertThat(read("box-furnace-2/FunctionalUnit/StateMachine/CurrentState")).isEqualTo("Running");
        List<Object> temperatures = awaitValue("box-furnace-2/FunctionalUnit/Temperature/CurrentValue",
                v -> ((Double) v) > 900, Duration.ofSeconds(20));
        assertThat(temperatures.size()).isGreaterThan(1);
        awaitValue("box-furnace-2/FunctionalUnit/StateMachine/CurrentState", "Stopped"::equals, Duration.ofSeconds(30));

        JsonNode result = WorkflowJson.mapper().readTree((String) read("box-furnace-2/FunctionalUnit/Result"));
        assertThat(result.path("commandId").asText()).isEqualTo("f-p1");
        assertThat(result.path("completed").asBoolean()).isTrue();
        assertThat(result.path("maxTemperatureC").asDouble()).isCloseTo(1100, within(5.0));
        assertThat((Double) read("box-furnace-2/FunctionalUnit/Temperature/CurrentValue")).isLessThanOrEqualTo(100);
        assertThat(lab.world().snapshot(sample).weightFraction("BaTiO3")).isGreaterThan(0.5);

        assertThat(call("robot-1", "Transfer", "f-t2", "t", sample, "box-furnace-2", "rack")).isEqualTo("accepted");
    }

    @Test
    void aBoxFurnaceRefusesAProgramAboveItsLimitAndArgon() throws Exception {
        String hot = "{\"profile\":[{\"temperature\":{\"value\":1300,\"unit\":\"°C\"},\"rampRate\":{\"value\":5,\"unit\":\"°C/min\"},"
                + "\"hold\":{\"value\":1,\"unit\":\"h\"}}]}";
        assertThat(call("box-furnace-1", "StartProgram", "r-1", "t", hot)).startsWith("rejected:").contains("1200");
        String argon = "{\"atmosphere\":{\"gas\":\"Ar\"},\"profile\":[{\"temperature\":{\"value\":600,\"unit\":\"°C\"},"
                + "\"rampRate\":{\"value\":5,\"unit\":\"°C/min\"},\"hold\":{\"value\":1,\"unit\":\"h\"}}]}";
        assertThat(call("box-furnace-1", "StartProgram", "r-2", "t", argon)).startsWith("rejected:").contains("Ar");
        assertThat(call("box-furnace-1", "StartProgram", "r-3", "t", "not json")).startsWith("rejected:");
    }

    @Test
    void aDoorOpenedMidRunAbortsTheProgramUntilCleared() throws Exception {
        String program = "{\"profile\":[{\"temperature\":{\"value\":800,\"unit\":\"°C\"},\"rampRate\":{\"value\":10,\"unit\":\"°C/min\"},"
                + "\"hold\":{\"value\":5,\"unit\":\"h\"}}]}";
        assertThat(call("box-furnace-1", "StartProgram", "door-p", "t", program)).isEqualTo("accepted");
        lab.faults().openDoor("box-furnace-1");
        assertThat(read("box-furnace-1/FunctionalUnit/StateMachine/CurrentState")).isEqualTo("Aborted");
        assertThat(read("box-furnace-1/ErrorCode")).isEqualTo(3);
        assertThat(read("box-furnace-1/Sensors/Door")).isEqualTo(true);
        assertThat(call("box-furnace-1", "StartProgram", "door-p2", "t", program)).startsWith("rejected:");
        assertThat(call("box-furnace-1", "Clear", "door-c")).isEqualTo("accepted");
        awaitValue("box-furnace-1/FunctionalUnit/StateMachine/CurrentState", "Stopped"::equals, Duration.ofSeconds(10));
        assertThat(read("box-furnace-1/ErrorCode")).isEqualTo(0);
        awaitValue("box-furnace-1/FunctionalUnit/Temperature/CurrentValue", v -> (Double) v < 100, Duration.ofSeconds(30));
        assertThat(call("box-furnace-1", "SetDoor", "door-close", "t", false)).isEqualTo("accepted");
    }

    @Test
    void aDisconnectedInstrumentAnswersBadDeviceFailureAndItsHeartbeatStops() throws Exception {
        lab.faults().disconnect("mill-1");
        try {
            CallMethodResult r = callRaw("mill-1", "Mix", "m-off", "t", "nothing", 60.0, "ball-mill");
            assertThat(r.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_DeviceFailure);
            Instant first = ((DateTime) read("mill-1/Heartbeat")).getJavaInstant();
            awaitValue("tube-furnace-1/Heartbeat",
                    v -> ((DateTime) v).getJavaInstant().isAfter(first.plusSeconds(60)), Duration.ofSeconds(10));
            assertThat(((DateTime) read("mill-1/Heartbeat")).getJavaInstant()).isEqualTo(first);
        } finally {
            lab.faults().reconnect("mill-1");
        }
        assertThat(call("mill-1", "Mix", "m-on", "t", "nothing", 60.0, "ball-mill")).startsWith("rejected:").contains("nothing");
    }

    @Test
    void theSecureEndpointNeedsATrustedCertificateAndTheRightPassword() throws Exception {
        OpcUaClients.ClientIdentity identity = OpcUaClients.ClientIdentity.generate();
        X509Check untrusted = () -> OpcUaClients.secure(lab.opcUaEndpoint(), identity, lab.opcUaServer().certificate(),
                "operator", "athanor-sim");
        assertThatThrownBy(untrusted::connect).isInstanceOf(Exception.class);

        lab.opcUaServer().trust(identity.certificate());
        assertThatThrownBy(() -> OpcUaClients.secure(lab.opcUaEndpoint(), identity, lab.opcUaServer().certificate(),
                "operator", "wrong")).isInstanceOf(Exception.class);

        OpcUaClient secure = OpcUaClients.secure(lab.opcUaEndpoint(), identity, lab.opcUaServer().certificate(),
                "operator", "athanor-sim");
        try {
            DataValue v = secure.readValue(0, TimestampsToReturn.Both, node("tube-furnace-1/Limits/MaxTemperature"));
            assertThat(v.value().value()).isEqualTo(1500.0);
        } finally {
            secure.disconnect();
        }
    }

    @FunctionalInterface
    interface X509Check {
        OpcUaClient connect() throws Exception;
    }
}
