package org.athanor.simulators.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.LabClock;
import org.athanor.simulators.lab.LabContext;
import org.athanor.simulators.lab.LabEvents;
import org.athanor.workflow.WorkflowJson;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A characterisation instrument on MQTT 5 (instruments/PROTOCOL.md): commands on {@code lab/{id}/cmd} with response
 * topic and correlation data, QoS 1, idempotent command ids, a retained status republished as heartbeat, a Last Will
 * that marks the device offline, events and results. Paho callbacks only hand work to the device's own thread.
 */
public abstract class MqttDevice implements AutoCloseable {

    /** Longest wall-clock gap between heartbeats; PROTOCOL.md asks for ≤ 2 s of lab time, whichever is shorter. */
    static final long MAX_HEARTBEAT_WALL_MS = 1000;
    static final long MIN_HEARTBEAT_WALL_MS = 50;

    protected final String id;
    protected final LabContext lab;
    private final String brokerUri;
    private final ExecutorService worker;
    private final ScheduledExecutorService heartbeat;
    private final Map<String, Map<String, Object>> answered = new ConcurrentHashMap<>();
    private volatile MqttAsyncClient client;
    private volatile String state = "idle";
    private volatile boolean doorOpen;
    private volatile int errorCode;
    private volatile String errorMessage = "";
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile boolean dropResponses;
    private boolean heartbeatScheduled;

    protected MqttDevice(String id, String brokerUri, LabContext lab) {
        this.id = id;
        this.brokerUri = brokerUri;
        this.lab = lab;
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, id + "-worker"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, id + "-heartbeat"));
    }

    public String id() {
        return id;
    }

    public String statusTopic() {
        return "lab/" + id + "/status";
    }

    public String commandTopic() {
        return "lab/" + id + "/cmd";
    }

    public String resultTopic() {
        return "lab/" + id + "/result";
    }

    public String eventTopic() {
        return "lab/" + id + "/event";
    }

    public synchronized void connect() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(brokerUri, "athanor-sim-" + id, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(5);
        options.setAutomaticReconnect(false);
        MqttMessage will = new MqttMessage(json(Map.of("id", id, "online", false, "state", "offline")));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(statusTopic(), will);
        c.setCallback(new Callback());
        c.connect(options).waitForCompletion(10_000);
        c.subscribe(commandTopic(), 1).waitForCompletion(10_000);
        client = c;
        publishStatus();
        if (heartbeatScheduled) {
            return;
        }
        heartbeatScheduled = true;
        long period = Math.max(MIN_HEARTBEAT_WALL_MS, Math.min(MAX_HEARTBEAT_WALL_MS, (long) (2000 / lab.clock().pace())));
        heartbeat.scheduleAtFixedRate(this::heartbeatTick, period, period, TimeUnit.MILLISECONDS);
    }

    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    public String state() {
        return state;
    }

    public boolean doorOpen() {
        return doorOpen;
    }

    /** Fault: the device drops off the network without a DISCONNECT packet, so the broker publishes its Last Will. */
    public synchronized void dropConnection() {
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                c.disconnectForcibly(0, 100, false);
            } catch (MqttException e) {
                // Already gone: the broker will still fire the will when the keep-alive lapses.
            }
            closeQuietly(c);
        }
    }

    public void setResponseDelay(Duration labDelay) {
        responseDelay = labDelay;
    }

    public void setDropResponses(boolean drop) {
        dropResponses = drop;
    }

    public void fault(int code, String message) {
        errorCode = code;
        errorMessage = message;
        state = code == 0 ? "idle" : "error";
        event("fault", code == 0 ? "fault cleared" : message);
        publishStatus();
    }

    /** Fault: the door (XRD) or enclosure (Raman) opens. */
    public void openDoor() {
        doorOpen = true;
        event("door-opened", "door opened");
        publishStatus();
    }

    protected abstract Map<String, Object> measure(String sample, JsonNode params) throws DeviceRefusal;

    /** Lab time a measurement with these params takes. */
    protected abstract Duration measurementTime(JsonNode params) throws DeviceRefusal;

    /** Reason the device refuses to expose or emit now, if any (door, interlock). */
    protected Optional<String> interlockRefusal() {
        return doorOpen ? Optional.of("door is open") : Optional.empty();
    }

    /** A refused command with its error code, sent back as {@code status: rejected}. */
    protected static final class DeviceRefusal extends Exception {
        final int code;

        DeviceRefusal(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private void handle(MqttMessage message) {
        MqttProperties props = message.getProperties();
        String replyTo = props == null ? null : props.getResponseTopic();
        byte[] correlation = props == null ? null : props.getCorrelationData();
        JsonNode cmd;
        try {
            cmd = WorkflowJson.mapper().readTree(message.getPayload());
        } catch (java.io.IOException e) {
            reply(replyTo, correlation, error("", "rejected", 400, "command is not JSON: " + e.getMessage()), false);
            return;
        }
        String commandId = cmd.path("commandId").asText("");
        if (commandId.isBlank()) {
            reply(replyTo, correlation, error("", "rejected", 400, "commandId is required"), false);
            return;
        }
        Map<String, Object> first = answered.putIfAbsent(commandId, new LinkedHashMap<>());
        if (first != null) {
            Map<String, Object> dup = new LinkedHashMap<>(first);
            dup.put("commandId", commandId);
            dup.put("status", "duplicate");
            reply(replyTo, correlation, dup, false);
            return;
        }
        Map<String, Object> response = run(commandId, cmd);
        answered.get(commandId).putAll(response);
        sleepLab(responseDelay);
        if (!dropResponses) {
            reply(replyTo, correlation, response, response.containsKey("result"));
        }
    }

    private Map<String, Object> run(String commandId, JsonNode cmd) {
        Optional<String> refusal = lab.approvals().refusal(id, commandId, cmd.path("approvalToken").asText(""));
        if (refusal.isPresent()) {
            return error(commandId, "rejected", 403, refusal.get());
        }
        if (errorCode != 0) {
            return error(commandId, "error", errorCode, errorMessage);
        }
        String action = cmd.path("action").asText("");
        try {
            if (action.equals("door")) {
                doorOpen = cmd.path("params").path("open").asBoolean(false);
                event(doorOpen ? "door-opened" : "door-closed", "door " + (doorOpen ? "opened" : "closed") + " by command");
                publishStatus();
                return ok(commandId, Map.of("door", doorOpen ? "open" : "closed"));
            }
            if (!action.equals("measure")) {
                return error(commandId, "rejected", 400, "unknown action '" + action + "', expected measure or door");
            }
            Optional<String> interlock = interlockRefusal();
            if (interlock.isPresent()) {
                return error(commandId, "rejected", 409, interlock.get());
            }
            String sample = cmd.path("sample").asText("");
            JsonNode params = cmd.path("params");
            Duration time = measurementTime(params);
            state = "busy";
            publishStatus();
            String start = lab.clock().now().toString();
            sleepLab(time);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("sample", sample);
            // Computing the simulated pattern or spectrum is the simulator's work, not the instrument's: a real one has
            // its data when the scan ends, so the lab clock stands still meanwhile.
            try (LabClock.Section computing = lab.clock().computing()) {
                result.putAll(measure(sample, params));
            }
            result.put("startTime", start);
            result.put("endTime", lab.clock().now().toString());
            return ok(commandId, result);
        } catch (DeviceRefusal e) {
            return error(commandId, "rejected", e.code, e.getMessage());
        } catch (RuntimeException e) {
            return error(commandId, "error", 500, String.valueOf(e.getMessage()));
        } finally {
            if (state.equals("busy")) {
                state = "idle";
            }
            publishStatus();
        }
    }

    private static Map<String, Object> ok(String commandId, Map<String, Object> result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("commandId", commandId);
        r.put("status", "ok");
        r.put("result", result);
        return r;
    }

    private static Map<String, Object> error(String commandId, String status, int code, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("commandId", commandId);
        r.put("status", status);
        r.put("error", Map.of("code", code, "message", message));
        return r;
    }

    private void reply(String replyTo, byte[] correlation, Map<String, Object> body, boolean alsoResult) {
        try (LabClock.Section computing = lab.clock().computing()) { // encoding thousands of points takes no lab time
            send(replyTo, correlation, body, alsoResult);
        }
    }

    private void send(String replyTo, byte[] correlation, Map<String, Object> body, boolean alsoResult) {
        if (replyTo != null && !replyTo.isBlank()) {
            MqttMessage m = new MqttMessage(json(body));
            m.setQos(1);
            MqttProperties p = new MqttProperties();
            if (correlation != null) {
                p.setCorrelationData(correlation);
            }
            m.setProperties(p);
            publish(replyTo, m);
        }
        if (alsoResult) {
            publish(resultTopic(), json(body), false);
        }
    }

    private void heartbeatTick() {
        try {
            publishStatus();
        } catch (RuntimeException e) {
            // A heartbeat that fails is retried on the next tick.
        }
    }

    protected void publishStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", id);
        status.put("online", true);
        status.put("state", state);
        status.put("door", doorOpen ? "open" : "closed");
        status.put("interlock", doorOpen ? "open" : (errorCode != 0 ? "fault" : "ok"));
        status.put("heartbeat", lab.clock().now().toString());
        status.put("errorCode", errorCode);
        publish(statusTopic(), json(status), true);
    }

    protected void event(String type, String message) {
        publish(eventTopic(), json(Map.of("type", type, "time", lab.clock().now().toString(), "message", message)), false);
        lab.events().emit(new LabEvents.LabEvent(id, type, lab.clock().now(), message));
    }

    private void publish(String topic, byte[] payload, boolean retained) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        publish(topic, m);
    }

    private void publish(String topic, MqttMessage message) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return;
        }
        try {
            c.publish(topic, message);
        } catch (MqttException e) {
            // Disconnected between the check and the send: the message is lost, as on a real network.
        }
    }

    private void sleepLab(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            lab.clock().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static byte[] json(Object value) {
        try {
            return WorkflowJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        heartbeat.shutdownNow();
        worker.shutdownNow();
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    // A clean shutdown says goodbye itself (the will is for abrupt loss).
                    MqttMessage bye = new MqttMessage(json(Map.of("id", id, "online", false, "state", "offline")));
                    bye.setQos(1);
                    bye.setRetained(true);
                    c.publish(statusTopic(), bye).waitForCompletion(2000);
                    c.disconnect(2000).waitForCompletion(3000);
                }
            } catch (MqttException e) {
                // Best effort on shutdown.
            }
            closeQuietly(c);
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            c.close(true);
        } catch (MqttException e) {
            // Nothing more to release.
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, "athanor-" + name);
        t.setDaemon(true);
        return t;
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            worker.submit(() -> handle(message));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

}
