package org.athanor.instruments.testlab;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * A small MQTT 5 device implementing PROTOCOL.md's characterisation topics for the driver tests: retained status with
 * a heartbeat every 200 ms and a Last Will, idempotent {@code measure}/{@code door} commands answered on the
 * request's response topic with its correlation data (and on {@code lab/{id}/result}). It can drop off the network
 * without a clean disconnect, so the broker publishes its Will.
 */
public final class TestMqttDevice implements AutoCloseable {

    public enum Kind { XRD, RAMAN }

    /** One command as the device received it. */
    public record Received(String commandId, String approvalToken, String action, Map<String, Object> body) {
    }

    private final String id;
    private final Kind kind;
    private final String broker;
    private final Map<String, Map<String, Object>> answered = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-mqtt-device");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttAsyncClient client;
    private volatile boolean door;

    public TestMqttDevice(String id, Kind kind, String broker) {
        this.id = id;
        this.kind = kind;
        this.broker = broker;
        connect();
        executor.scheduleAtFixedRate(this::publishStatus, 0, 200, TimeUnit.MILLISECONDS);
    }

    public String id() {
        return id;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public synchronized void connect() {
        try {
            MqttAsyncClient c = new MqttAsyncClient(broker, "device-" + id, new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            o.setKeepAliveInterval(2);
            o.setWill("lab/" + id + "/status", new MqttMessage(json(Map.of("id", id, "online", false, "state", "offline")), 1, true, null));
            c.setCallback(new MqttCallback() {
                @Override
                public void disconnected(MqttDisconnectResponse r) {
                }

                @Override
                public void mqttErrorOccurred(MqttException e) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage m) {
                    executor.execute(() -> handle(m));
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
            c.connect(o).waitForCompletion(10_000);
            c.subscribe("lab/" + id + "/cmd", 1).waitForCompletion(10_000);
            client = c;
            publishStatus();
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the connection without DISCONNECT, as a crashed device would: the broker publishes the Will. */
    public synchronized void crash() {
        MqttAsyncClient c = client;
        client = null;
        try {
            c.disconnectForcibly(0, 0, false);
            c.close(true);
        } catch (MqttException e) {
            // it is meant to die
        }
    }

    private void publishStatus() {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", id);
        status.put("online", true);
        status.put("state", "idle");
        status.put("door", door ? "open" : "closed");
        status.put("interlock", door ? "open" : "ok");
        status.put("heartbeat", Instant.now().toString());
        status.put("errorCode", 0);
        try {
            c.publish("lab/" + id + "/status", json(status), 1, true);
        } catch (MqttException e) {
            // the next heartbeat tries again
        }
    }

    private void handle(MqttMessage m) {
        Map<String, Object> req;
        try {
            req = WorkflowJson.mapper().readValue(m.getPayload(), new TypeReference<>() {});
        } catch (Exception e) {
            return;
        }
        String commandId = String.valueOf(req.get("commandId"));
        received.add(new Received(commandId, (String) req.get("approvalToken"), (String) req.get("action"), req));
        Map<String, Object> response = answered.get(commandId);
        if (response != null) {
            response = new LinkedHashMap<>(response);
            response.put("status", "duplicate");
        } else {
            response = execute(commandId, req);
            answered.put(commandId, response);
        }
        MqttProperties props = new MqttProperties();
        props.setCorrelationData(m.getProperties().getCorrelationData());
        try {
            byte[] body = json(response);
            if (m.getProperties().getResponseTopic() != null) {
                client.publish(m.getProperties().getResponseTopic(), new MqttMessage(body, 1, false, props));
            }
            client.publish("lab/" + id + "/result", new MqttMessage(body, 1, false, null));
        } catch (MqttException e) {
            // the driver's timeout reports it
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> execute(String commandId, Map<String, Object> req) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("commandId", commandId);
        Map<String, Object> params = (Map<String, Object>) req.getOrDefault("params", Map.of());
        if ("door".equals(req.get("action"))) {
            door = Boolean.TRUE.equals(params.get("open"));
            response.put("status", "ok");
            response.put("result", Map.of("door", door ? "open" : "closed"));
            publishStatus();
            return response;
        }
        if (door) {
            response.put("status", "rejected");
            response.put("error", Map.of("code", "door-open", "message", "door is open; close it before exposure"));
            return response;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sample", req.get("sample"));
        if (kind == Kind.XRD) {
            double from = number(params.get("twoThetaStart"));
            double to = number(params.get("twoThetaEnd"));
            double step = params.containsKey("stepSize") ? number(params.get("stepSize")) : 0.02;
            int n = (int) Math.round((to - from) / step) + 1;
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double t = from + i * step;
                x.add(t);
                y.add(100 + 1000 * Math.exp(-Math.pow((t - 25.3) / 0.1, 2)));
            }
            result.put("radiation", "CuKa");
            result.put("twoTheta", x);
            result.put("intensity", y);
            result.put("startTime", Instant.now().toString());
            result.put("endTime", Instant.now().toString());
        } else {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (double s = 100; s <= 1800; s += 2) {
                x.add(s);
                y.add(50 + 800 * Math.exp(-Math.pow((s - 520.5) / 3, 2)));
            }
            result.put("laserWavelengthNm", number(params.get("laserWavelength")));
            result.put("ramanShift", x);
            result.put("intensity", y);
        }
        response.put("status", "ok");
        response.put("result", result);
        return response;
    }

    private static double number(Object quantity) {
        if (quantity instanceof Map<?, ?> q) {
            return ((Number) q.get("value")).doubleValue();
        }
        return ((Number) quantity).doubleValue();
    }

    private static byte[] json(Object o) {
        try {
            return WorkflowJson.mapper().writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                c.disconnect().waitForCompletion(2_000);
                c.close();
            } catch (MqttException e) {
                // closing anyway
            }
        }
    }
}
