package org.athanor.instruments.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.Protocol;
import org.athanor.instruments.mqtt.MqttDiffractometer;
import org.athanor.instruments.opcua.OpcUaDispenser;
import org.athanor.instruments.opcua.OpcUaFurnace;
import org.athanor.instruments.testlab.TestBroker;
import org.athanor.instruments.testlab.TestLab;
import org.athanor.instruments.testlab.TestMqttDevice;
import org.athanor.instruments.testlab.TestOpcUaServer;
import org.athanor.instruments.testlab.TestSynthesisDevice;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Driver round-trip latency per command over loopback, against the raw library call measured in the same run:
 * <ul>
 *   <li>{@code opcUaDriverSetDoor} vs {@code opcUaRawMiloCall}: the furnace's SetDoor method through the driver
 *       (approval check, envelope, executor hand-off, freshness check, call with timeout) and through a bare Milo
 *       {@code client.callAsync};</li>
 *   <li>{@code opcUaDriverDispense}: a whole dispense, including the wait for the JSON result via the subscription
 *       (device completes at once; dominated by the 50 ms publishing interval);</li>
 *   <li>{@code mqttDriverMeasure} vs {@code mqttRawRequestResponse}: an XRD measure request through the driver and as a
 *       bare Paho publish with response topic and correlation data, awaiting the device's reply.</li>
 * </ul>
 * Run: {@code ./bench instruments DriverLatencyBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class DriverLatencyBenchmark {

    private final AtomicLong counter = new AtomicLong();
    private TestOpcUaServer server;
    private TestBroker broker;
    private TestMqttDevice xrdDevice;
    private OpcUaFurnace furnace;
    private OpcUaDispenser dispenser;
    private MqttDiffractometer xrd;
    private OpcUaClient rawClient;
    private NodeId doorObject;
    private NodeId doorMethod;
    private MqttAsyncClient rawMqtt;
    private final Map<String, CompletableFuture<byte[]>> rawPending = new ConcurrentHashMap<>();
    private final String run = "bench-" + UUID.randomUUID().toString().substring(0, 6);

    @Setup(Level.Trial)
    public void start() throws Exception {
        TestSynthesisDevice furnaceDevice = new TestSynthesisDevice("box-furnace-1", TestSynthesisDevice.Kind.FURNACE);
        TestSynthesisDevice doser = new TestSynthesisDevice("dispenser-1", TestSynthesisDevice.Kind.DISPENSER);
        doser.setCompletionDelayMs(0);
        server = TestOpcUaServer.start(List.of(furnaceDevice, doser));
        broker = TestBroker.start();
        xrdDevice = new TestMqttDevice("xrd-1", TestMqttDevice.Kind.XRD, broker.endpoint());
        LabConfig lab = LabConfig.defaultLab().withProtocolEndpoint(Protocol.OPCUA, server.endpoint())
                .withProtocolEndpoint(Protocol.MQTT, broker.endpoint());
        InstrumentConfig f = lab.instrument("box-furnace-1").orElseThrow();
        furnace = new OpcUaFurnace(f, TestLab.APPROVALS, DriverOptions.defaults());
        dispenser = new OpcUaDispenser(lab.instrument("dispenser-1").orElseThrow(), TestLab.APPROVALS, DriverOptions.defaults());
        xrd = new MqttDiffractometer(lab.instrument("xrd-1").orElseThrow(), TestLab.APPROVALS, DriverOptions.defaults());

        rawClient = OpcUaClient.create(server.endpoint());
        rawClient.connect();
        rawClient.readNamespaceTable();
        int ns = rawClient.getNamespaceTable().getIndex("urn:athanor:lab").intValue();
        doorObject = new NodeId(ns, "box-furnace-1/FunctionalUnit");
        doorMethod = new NodeId(ns, "box-furnace-1/FunctionalUnit/SetDoor");

        rawMqtt = new MqttAsyncClient(broker.endpoint(), "bench-raw", new MemoryPersistence());
        rawMqtt.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                CompletableFuture<byte[]> f = rawPending.remove(new String(m.getProperties().getCorrelationData(), StandardCharsets.UTF_8));
                if (f != null) {
                    f.complete(m.getPayload());
                }
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        rawMqtt.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        rawMqtt.subscribe("bench/raw/reply", 1).waitForCompletion(10_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(furnace.isOnline() && dispenser.isOnline() && xrd.isOnline()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        furnace.close();
        dispenser.close();
        xrd.close();
        rawClient.disconnect();
        rawMqtt.disconnect().waitForCompletion(2_000);
        xrdDevice.close();
        broker.close();
        server.close();
    }

    private ApprovedStep approved(Step step) {
        return new ApprovedStep(run, step, TestLab.APPROVALS.issue(run, step));
    }

    @Benchmark
    public Object opcUaDriverSetDoor() throws Exception {
        Step heat = new Step("heat-" + counter.incrementAndGet(), Action.HEAT, "box-furnace-1", "S", null, Map.of())
                .withParam("profile", List.of(HeatSegment.celsius(500, 5, 1))).withParam("atmosphere", Atmosphere.AIR);
        return furnace.setDoor(approved(heat), false).get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public Object opcUaRawMiloCall() throws Exception {
        String id = run + "/raw-" + counter.incrementAndGet();
        return rawClient.callAsync(List.of(new CallMethodRequest(doorObject, doorMethod,
                new Variant[] {new Variant(id), new Variant("token"), new Variant(false)}))).get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public Object opcUaDriverDispense() throws Exception {
        Step dose = new Step("dose-" + counter.incrementAndGet(), Action.DISPENSE, "dispenser-1", "S", null, Map.of())
                .withParam("material", "TiO2").withParam("mass", Quantity.of(100, "mg"));
        return dispenser.dispense(approved(dose)).get(10, TimeUnit.SECONDS);
    }

    private Step scan() {
        return new Step("xrd-" + counter.incrementAndGet(), Action.XRD, "xrd-1", "S", null, Map.of())
                .withParam("twoThetaStart", Quantity.of(20, "deg")).withParam("twoThetaEnd", Quantity.of(21, "deg"))
                .withParam("stepSize", Quantity.of(0.05, "deg"));
    }

    @Benchmark
    public Object mqttDriverMeasure() throws Exception {
        return xrd.measure(approved(scan())).get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public Object mqttRawRequestResponse() throws Exception {
        String id = run + "/raw-" + counter.incrementAndGet();
        String correlation = UUID.randomUUID().toString();
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        rawPending.put(correlation, reply);
        MqttProperties props = new MqttProperties();
        props.setResponseTopic("bench/raw/reply");
        props.setCorrelationData(correlation.getBytes(StandardCharsets.UTF_8));
        String body = "{\"commandId\":\"" + id + "\",\"approvalToken\":\"t\",\"action\":\"measure\",\"sample\":\"S\","
                + "\"params\":{\"twoThetaStart\":{\"value\":20,\"unit\":\"deg\"},\"twoThetaEnd\":{\"value\":21,\"unit\":\"deg\"},"
                + "\"stepSize\":{\"value\":0.05,\"unit\":\"deg\"}}}";
        rawMqtt.publish("lab/xrd-1/cmd", new MqttMessage(body.getBytes(StandardCharsets.UTF_8), 1, false, props));
        return reply.get(10, TimeUnit.SECONDS);
    }
}
