package org.athanor.simulators.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.athanor.simulators.SharedLab;
import org.athanor.simulators.SimulatedLab;
import org.athanor.workflow.WorkflowJson;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MQTT 5 devices on the real embedded broker, driven by a real Paho client. */
class SimulatedLabMqttIT {

    static SimulatedLab lab;
    static MqttAsyncClient client;
    static final String REPLY = "lab/clients/it/reply";
    static final Map<String, BlockingQueue<MqttMessage>> inbox = new ConcurrentHashMap<>();

    @BeforeAll
    static void connect() throws Exception {
        lab = SharedLab.get();
        client = new MqttAsyncClient(lab.mqttBrokerUri(), "it-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        // Paho 1.2.5's per-subscription listeners fail without subscription identifiers (IndexOutOfBounds in
        // subscribe), so one callback routes messages by topic.
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                inbox.computeIfAbsent(topic, t -> new LinkedBlockingQueue<>()).add(message);
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties properties) {
            }
        });
        client.connect(options).waitForCompletion(10_000);
        subscribe(REPLY);
        subscribe("lab/raman-1/result");
        subscribe("lab/xrd-1/event");
        lab.world().dispense("m-tio2", "TiO2", 500, new Random(3));
        lab.world().dispense("m-mix", "BaCO3", 400, new Random(3));
        lab.world().dispense("m-mix", "TiO2", 160, new Random(3));
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (client != null) {
            client.disconnect().waitForCompletion(5000);
            client.close();
        }
    }

    static BlockingQueue<MqttMessage> subscribe(String topic) throws Exception {
        BlockingQueue<MqttMessage> queue = inbox.computeIfAbsent(topic, t -> new LinkedBlockingQueue<>());
        client.subscribe(topic, 1).waitForCompletion(5000);
        return queue;
    }

    static JsonNode json(MqttMessage m) throws Exception {
        return WorkflowJson.mapper().readTree(new String(m.getPayload(), StandardCharsets.UTF_8));
    }

    /** Waits (bounded) for a message on {@code queue} whose JSON satisfies {@code condition}. */
    static MqttMessage await(BlockingQueue<MqttMessage> queue, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            MqttMessage m = queue.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no matching message within " + timeout);
            }
            if (condition.test(json(m))) {
                return m;
            }
        }
    }

    static byte[] send(String device, String commandId, String body) throws Exception {
        byte[] correlation = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        MqttMessage m = new MqttMessage(("{\"commandId\":\"" + commandId + "\",\"approvalToken\":\"tok\"," + body + "}")
                .getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        MqttProperties p = new MqttProperties();
        p.setResponseTopic(REPLY);
        p.setCorrelationData(correlation);
        m.setProperties(p);
        client.publish("lab/" + device + "/cmd", m).waitForCompletion(5000);
        return correlation;
    }

    static JsonNode reply(String commandId) throws Exception {
        return json(await(inbox.get(REPLY), j -> commandId.equals(j.path("commandId").asText()), Duration.ofSeconds(15)));
    }

    static final String RAMAN = "\"action\":\"measure\",\"sample\":\"m-tio2\",\"params\":{\"laserWavelength\":{\"value\":785,\"unit\":\"nm\"},"
            + "\"laserPower\":{\"value\":50,\"unit\":\"mW\"},\"exposure\":{\"value\":5,\"unit\":\"s\"}}";

    @Test
    void statusIsRetainedAndSaysOnline() throws Exception {
        BlockingQueue<MqttMessage> status = subscribe("lab/raman-1/status");
        MqttMessage first = await(status, j -> j.path("online").asBoolean(), Duration.ofSeconds(10));
        JsonNode s = json(first);
        assertThat(s.path("id").asText()).isEqualTo("raman-1");
        assertThat(s.path("state").asText()).isIn("idle", "busy");
        assertThat(s.path("heartbeat").asText()).isNotBlank();
        // A heartbeat follows without any command.
        await(status, j -> !j.path("heartbeat").asText().equals(s.path("heartbeat").asText()), Duration.ofSeconds(5));
    }

    @Test
    void aMeasurementAnswersOnTheResponseTopicWithTheCorrelationData() throws Exception {
        byte[] correlation = send("raman-1", "rr-1", RAMAN);
        MqttMessage m = await(inbox.get(REPLY), j -> "rr-1".equals(j.path("commandId").asText()), Duration.ofSeconds(15));
        assertThat(m.getProperties().getCorrelationData()).isEqualTo(correlation);
        JsonNode r = json(m);
        assertThat(r.path("status").asText()).isEqualTo("ok");
        assertThat(r.path("result").path("laserWavelengthNm").asDouble()).isEqualTo(785);
        JsonNode shift = r.path("result").path("ramanShift");
        JsonNode intensity = r.path("result").path("intensity");
        assertThat(shift.size()).isEqualTo(intensity.size()).isEqualTo(1501);
        // Rutile's Eg line at 447 cm⁻¹ stands above its surroundings at 380 cm⁻¹.
        assertThat(intensity.get(447 - 100).asDouble()).isGreaterThan(intensity.get(380 - 100).asDouble() * 1.5);
    }

    @Test
    void aRedeliveredCommandIdRunsOnce() throws Exception {
        BlockingQueue<MqttMessage> results = inbox.get("lab/raman-1/result");
        results.clear();
        send("raman-1", "dup-1", RAMAN);
        assertThat(reply("dup-1").path("status").asText()).isEqualTo("ok");
        send("raman-1", "dup-1", RAMAN);
        JsonNode second = reply("dup-1");
        assertThat(second.path("status").asText()).isEqualTo("duplicate");
        assertThat(second.path("result").path("ramanShift").size()).isEqualTo(1501);
        // A later command proves the queue drained; still only one result for dup-1 was published.
        send("raman-1", "dup-2", RAMAN);
        reply("dup-2");
        int dupResults = 0;
        while (true) {
            MqttMessage m = results.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("result of dup-2").isNotNull();
            String id = json(m).path("commandId").asText();
            if (id.equals("dup-1")) {
                dupResults++;
            } else if (id.equals("dup-2")) {
                break;
            }
        }
        assertThat(dupResults).isEqualTo(1);
    }

    @Test
    void theLastWillMarksADeviceOfflineWhenItDropsOff() throws Exception {
        BlockingQueue<MqttMessage> status = subscribe("lab/xrd-1/status");
        await(status, j -> j.path("online").asBoolean(), Duration.ofSeconds(10));
        lab.faults().disconnect("xrd-1");
        try {
            JsonNode offline = json(await(status, j -> !j.path("online").asBoolean(true), Duration.ofSeconds(20)));
            assertThat(offline.path("state").asText()).isEqualTo("offline");
        } finally {
            lab.faults().reconnect("xrd-1");
        }
        await(status, j -> j.path("online").asBoolean(), Duration.ofSeconds(10));
    }

    @Test
    void xrdMeasuresOnlyWithTheDoorClosed() throws Exception {
        String scan = "\"action\":\"measure\",\"sample\":\"m-mix\",\"params\":{\"twoThetaStart\":{\"value\":20,\"unit\":\"deg\"},"
                + "\"twoThetaEnd\":{\"value\":40,\"unit\":\"deg\"},\"stepSize\":{\"value\":0.05,\"unit\":\"deg\"},"
                + "\"countTime\":{\"value\":0.2,\"unit\":\"s\"}}";
        lab.faults().openDoor("xrd-1");
        await(inbox.get("lab/xrd-1/event"), j -> "door-opened".equals(j.path("type").asText()), Duration.ofSeconds(10));
        send("xrd-1", "x-door", scan);
        JsonNode refused = reply("x-door");
        assertThat(refused.path("status").asText()).isEqualTo("rejected");
        assertThat(refused.path("error").path("message").asText()).contains("door");

        send("xrd-1", "x-close", "\"action\":\"door\",\"params\":{\"open\":false}");
        assertThat(reply("x-close").path("status").asText()).isEqualTo("ok");
        send("xrd-1", "x-scan", scan);
        JsonNode r = reply("x-scan");
        assertThat(r.path("status").asText()).isEqualTo("ok");
        assertThat(r.path("result").path("radiation").asText()).isEqualTo("CuKa");
        assertThat(r.path("result").path("twoTheta").size()).isEqualTo(401);
        assertThat(r.path("result").path("twoTheta").get(0).asDouble()).isEqualTo(20.0);
        assertThat(r.path("result").path("intensity").get(0).asDouble()).isGreaterThan(0);
    }

    @Test
    void aDeviceErrorIsReportedInStatusAndRepliesUntilCleared() throws Exception {
        BlockingQueue<MqttMessage> status = subscribe("lab/raman-1/status");
        lab.faults().deviceError("raman-1", 42, "laser interlock fault");
        try {
            await(status, j -> j.path("errorCode").asInt() == 42 && "error".equals(j.path("state").asText()), Duration.ofSeconds(10));
            send("raman-1", "err-1", RAMAN);
            JsonNode r = reply("err-1");
            assertThat(r.path("status").asText()).isEqualTo("error");
            assertThat(r.path("error").path("code").asInt()).isEqualTo(42);
        } finally {
            lab.faults().clearDeviceError("raman-1");
        }
        send("raman-1", "err-2", RAMAN);
        assertThat(reply("err-2").path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aDeviceCanBeMadeToAnswerLateOrNotAtAll() throws Exception {
        lab.faults().missingResponses("raman-1", true);
        try {
            send("raman-1", "miss-1", RAMAN);
            MqttMessage none = inbox.get(REPLY).poll(1500, TimeUnit.MILLISECONDS);
            assertThat(none).isNull();
        } finally {
            lab.faults().missingResponses("raman-1", false);
        }
        lab.faults().slowResponses("raman-1", Duration.ofHours(1));
        try {
            long start = System.nanoTime();
            send("raman-1", "slow-1", RAMAN);
            assertThat(reply("slow-1").path("status").asText()).isEqualTo("ok");
            // One hour of lab time at the shared lab's pace is 0.72 s of wall time.
            assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(600));
        } finally {
            lab.faults().slowResponses("raman-1", Duration.ZERO);
        }
    }

    @Test
    void ramanRefusesALaserAboveItsPowerLimit() throws Exception {
        send("raman-1", "pw-1", "\"action\":\"measure\",\"sample\":\"m-tio2\",\"params\":{\"laserWavelength\":{\"value\":532,"
                + "\"unit\":\"nm\"},\"laserPower\":{\"value\":150,\"unit\":\"mW\"}}");
        JsonNode r = reply("pw-1");
        assertThat(r.path("status").asText()).isEqualTo("rejected");
        assertThat(r.path("error").path("message").asText()).contains("100");
    }
}
