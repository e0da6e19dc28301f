package org.athanor.instruments.mqtt;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.athanor.clock.LabClock;
import org.athanor.instruments.Command;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.InstrumentState;
import org.athanor.instruments.StepGuard;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.MqttSettings;
import org.athanor.workflow.WorkflowJson;
import org.athanor.workflow.approval.ApprovalTokens;
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
 * The MQTT 5 side every characterisation driver shares (instruments/PROTOCOL.md): a persistent session
 * ({@code cleanStart=false} with a session expiry, stable client id), QoS 1, request/response on
 * {@code lab/{id}/cmd} with a response topic and correlation data, results also taken from {@code lab/{id}/result}
 * (so a response lost across a reconnect still arrives), and the retained {@code lab/{id}/status} with the device's
 * Last Will tracked as live online/offline state. A status older than the heartbeat timeout counts as offline.
 *
 * <p>Paho callbacks only hand work to this driver's single-thread executor; nothing blocks on a Paho thread.
 */
public abstract class MqttInstrument implements Instrument {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    protected final InstrumentConfig config;
    protected final StepGuard guard;
    protected final DriverOptions options;
    private final MqttSettings settings;
    private final ScheduledExecutorService executor;
    private final MqttAsyncClient client;
    private final String replyTopic;
    private final Map<String, CompletableFuture<Map<String, Object>>> byCorrelation = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Map<String, Object>>> byCommand = new ConcurrentHashMap<>();
    private final List<Consumer<InstrumentState>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Object> status = Map.of();
    private volatile Instant statusReceivedAt;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile InstrumentState state;

    protected MqttInstrument(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        this.config = config;
        this.guard = new StepGuard(approvals, config);
        this.options = options;
        this.settings = config.mqtt();
        this.state = InstrumentState.unknown(config.id());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-driver-" + config.id());
            t.setDaemon(true);
            return t;
        });
        String clientId = settings.clientId() != null ? settings.clientId() : "athanor-driver-" + config.id();
        this.replyTopic = "lab/clients/" + clientId + "/reply";
        try {
            this.client = new MqttAsyncClient(config.endpoint(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new InstrumentException(config.id(), "bad MQTT client settings: " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
        connectWithBackoff();
        executor.scheduleWithFixedDelay(this::publishState, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public InstrumentState state() {
        return state;
    }

    @Override
    public void onStateChange(Consumer<InstrumentState> listener) {
        listeners.add(listener);
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpiry());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 16);
        o.setKeepAliveInterval(10);
        o.setConnectionTimeout(10);
        config.credentialsRef().ifPresent(c -> {
            if (c.username() != null) {
                o.setUserName(c.username());
            }
            c.password().ifPresent(p -> o.setPassword(p.getBytes(StandardCharsets.UTF_8)));
        });
        if (settings.useTls(config.endpoint())) {
            o.setSocketFactory(socketFactory());
        }
        return o;
    }

    private SSLSocketFactory socketFactory() {
        try {
            if (settings.trustStore() == null) {
                return (SSLSocketFactory) SSLSocketFactory.getDefault();
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            char[] password = settings.trustStorePasswordEnv() == null ? null
                    : System.getenv().getOrDefault(settings.trustStorePasswordEnv(), "").toCharArray();
            try (InputStream in = Files.newInputStream(Path.of(settings.trustStore()))) {
                trust.load(in, password);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (Exception e) {
            throw new InstrumentException(config.id(), "cannot set up TLS from " + settings.trustStore() + ": " + e.getMessage(), e);
        }
    }

    private void connectWithBackoff() {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        long delayMs = 100;
        while (true) {
            try {
                client.connect(connectionOptions()).waitForCompletion(options.connectTimeout().toMillis());
                return;
            } catch (MqttException e) {
                if (System.nanoTime() + delayMs * 1_000_000 > deadline) {
                    close();
                    throw new InstrumentException(config.id(), "cannot connect to broker " + config.endpoint() + ": " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InstrumentException(config.id(), "interrupted while connecting", ie);
                }
                delayMs = Math.min(delayMs * 2, 2_000);
            }
        }
    }

    /** (Re)subscribes after every connect: retained status is redelivered, so the view is fresh again. */
    private void subscribeAll() {
        try {
            client.subscribe(new String[] {statusTopic(), replyTopic, "lab/" + config.id() + "/result"}, new int[] {1, 1, 1});
        } catch (MqttException e) {
            connected = false;
            publishState();
        }
    }

    private String statusTopic() {
        return "lab/" + config.id() + "/status";
    }

    private final class Callback implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            executor.execute(() -> {
                connected = false;
                publishState();
            });
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // Connection errors surface through disconnected(); nothing to do here.
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
            executor.execute(() -> handle(topic, payload, correlation));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            executor.execute(() -> {
                connected = true;
                statusReceivedAt = null; // stale until the retained status arrives again
                subscribeAll();
                publishState();
            });
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    private void handle(String topic, byte[] payload, byte[] correlation) {
        if (topic.equals(statusTopic())) {
            handleAnswer(topic, payload, correlation);
            return;
        }
        // Reading an answer (an XRD pattern of thousands of points) is the agent's computation: no lab time passes.
        try (LabClock.Section computing = options.clock().computing()) {
            handleAnswer(topic, payload, correlation);
        }
    }

    private void handleAnswer(String topic, byte[] payload, byte[] correlation) {
        Map<String, Object> body;
        try {
            body = WorkflowJson.mapper().readValue(payload, JSON_OBJECT);
        } catch (Exception e) {
            return; // not ours to understand; a waiter's timeout reports a missing answer
        }
        if (topic.equals(statusTopic())) {
            status = body;
            statusReceivedAt = Instant.now();
            publishState();
            return;
        }
        CompletableFuture<Map<String, Object>> waiter = null;
        if (correlation != null) {
            waiter = byCorrelation.remove(new String(correlation, StandardCharsets.UTF_8));
        }
        Object commandId = body.get("commandId");
        if (commandId != null) {
            CompletableFuture<Map<String, Object>> byId = byCommand.remove(commandId.toString());
            waiter = waiter == null ? byId : waiter;
        }
        if (waiter == null) {
            return;
        }
        String outcome = String.valueOf(body.get("status"));
        switch (outcome) {
            case "ok", "duplicate" -> {
                Map<String, Object> result = body.get("result") instanceof Map<?, ?> m ? new HashMap<>(cast(m)) : new HashMap<>();
                if (!(body.get("result") instanceof Map)) {
                    result.put("resultUnavailable", true);
                }
                result.put("duplicate", outcome.equals("duplicate"));
                waiter.complete(result);
            }
            case "rejected" -> waiter.completeExceptionally(new CommandRejectedException(config.id(), str(commandId), errorText(body)));
            default -> waiter.completeExceptionally(new InstrumentException(config.id(), "device error: " + errorText(body)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String errorText(Map<String, Object> body) {
        if (body.get("error") instanceof Map<?, ?> e) {
            return e.get("code") + ": " + e.get("message");
        }
        return String.valueOf(body.get("status"));
    }

    /** Sends {@code action} for {@code command} and returns a future of the device's result object. */
    protected CompletableFuture<Map<String, Object>> request(Command command, String action, String sample,
                                                             Map<String, Object> params, Duration timeout) {
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        executor.execute(() -> {
            if (closed || !connected) {
                result.completeExceptionally(new InstrumentException(config.id(), "offline (not connected to "
                        + config.endpoint() + "); " + command.commandId() + " was not sent"));
                return;
            }
            if (!Boolean.TRUE.equals(status.get("online")) || statusReceivedAt == null) {
                result.completeExceptionally(new InstrumentException(config.id(), "device reports offline or has not"
                        + " reported since the last connect; " + command.commandId() + " was not sent"));
                return;
            }
            String correlation = UUID.randomUUID().toString();
            byCorrelation.put(correlation, result);
            byCommand.put(command.commandId(), result);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("commandId", command.commandId());
            body.put("approvalToken", command.approvalToken());
            body.put("action", action);
            body.put("sample", sample);
            body.put("params", params);
            try {
                MqttProperties props = new MqttProperties();
                props.setResponseTopic(replyTopic);
                props.setCorrelationData(correlation.getBytes(StandardCharsets.UTF_8));
                MqttMessage message = new MqttMessage(WorkflowJson.mapper().writeValueAsBytes(body), 1, false, props);
                client.publish("lab/" + config.id() + "/cmd", message);
            } catch (Exception e) {
                byCorrelation.remove(correlation);
                byCommand.remove(command.commandId());
                result.completeExceptionally(new InstrumentException(config.id(), "cannot publish " + command.commandId()
                        + ": " + e.getMessage(), e));
            }
        });
        return options.orTimeout(result, timeout).whenComplete((r, e) -> {
            if (e != null) {
                byCommand.remove(command.commandId(), result);
                byCorrelation.values().remove(result);
            }
        }).exceptionally(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof TimeoutException) {
                throw new InstrumentException(config.id(), "no response to " + command.commandId() + " within " + timeout
                        + " (wall time); re-sending the same command is safe", cause);
            }
            throw cause instanceof RuntimeException re ? re : new InstrumentException(config.id(), String.valueOf(cause.getMessage()), cause);
        });
    }

    protected Duration requestTimeout() {
        return Duration.ofMillis(settings.requestTimeout());
    }

    private void publishState() {
        Map<String, Object> s = status;
        Instant at = statusReceivedAt;
        boolean current = at != null && Duration.between(at, Instant.now()).toMillis() <= settings.heartbeatTimeout();
        Object heartbeat = s.get("heartbeat");
        Instant beat = null;
        try {
            beat = heartbeat == null ? null : Instant.parse(heartbeat.toString());
        } catch (RuntimeException e) {
            // a malformed heartbeat counts as none
        }
        state = new InstrumentState(config.id(), connected && current && !closed && Boolean.TRUE.equals(s.get("online")),
                str(s.getOrDefault("state", "unknown")), beat,
                s.get("door") == null ? null : "open".equals(s.get("door")), null, null, str(s.get("interlock")),
                s.get("errorCode") instanceof Number n ? n.intValue() : 0, null, null, at, Map.of());
        for (Consumer<InstrumentState> l : listeners) {
            try {
                l.accept(state);
            } catch (RuntimeException e) {
                // one bad listener must not stop the others
            }
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    protected static double[] doubles(Object list, String what, String id) {
        if (!(list instanceof List<?> l)) {
            throw new InstrumentException(id, "result has no " + what + " array");
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n)) {
                throw new InstrumentException(id, what + "[" + i + "] is not a number");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        InstrumentException closing = new InstrumentException(config.id(), "driver closed");
        byCorrelation.values().forEach(f -> f.completeExceptionally(closing));
        byCommand.values().forEach(f -> f.completeExceptionally(closing));
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
        executor.shutdownNow();
        publishState();
    }
}
