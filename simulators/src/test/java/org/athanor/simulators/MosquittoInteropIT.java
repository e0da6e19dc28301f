package org.athanor.simulators;

import static org.athanor.simulators.LoopbackTesting.accepts;
import static org.athanor.simulators.LoopbackTesting.eventually;
import static org.athanor.simulators.LoopbackTesting.freePort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.Protocol;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.instruments.mqtt.MqttDiffractometer;
import org.athanor.instruments.mqtt.MqttRamanSpectrometer;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Interoperability with an independent MQTT 5 broker (issue 4): the simulated lab's MQTT devices and the real drivers
 * talk through Debian's Mosquitto instead of the embedded HiveMQ. Skipped (not passed) when /usr/sbin/mosquitto is
 * absent. A plain Paho observer on the same broker sees what crosses the wire, so the checks do not rest on the
 * drivers' own view alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MosquittoInteropIT {

    /** Debian's path; {@code -Dathanor.mosquitto=...} points elsewhere. */
    private static final Path MOSQUITTO = Path.of(System.getProperty("athanor.mosquitto", "/usr/sbin/mosquitto"));
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Lab seconds per wall second: a 10–40° scan at 0.05°/0.2 s (2 min of lab time) passes in about 0.1 s. */
    private static final double PACE = 1000;
    private static final ApprovalTokens APPROVALS = new ApprovalTokens("mosquitto-interop-secret".getBytes(StandardCharsets.UTF_8));

    private static Process broker;
    private static Path brokerDir;
    private static SimulatedLab lab;
    private static MqttDiffractometer xrd;
    private static MqttRamanSpectrometer raman;
    private static MqttAsyncClient observer;
    private static final List<Seen> seen = new CopyOnWriteArrayList<>();

    /**
     * One message the observer received: its topic, JSON body, MQTT 5 correlation data (null when absent) and whether
     * the broker delivered it from its retained store (the RETAIN flag on delivery, MQTT 5 §3.3.1.3).
     */
    private record Seen(String topic, JsonNode body, byte[] correlation, boolean retained) {
    }

    @BeforeAll
    static void startMosquittoAndTheLab() throws Exception {
        if (!Files.isExecutable(MOSQUITTO)) {
            return; // every test is skipped in requireMosquitto; an aborted @BeforeAll would not show in failsafe's report
        }
        int port = freePort();
        brokerDir = Files.createTempDirectory("athanor-mosquitto-");
        Path conf = brokerDir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(brokerDir.resolve("mosquitto.log").toFile()).start();
        assertThat(eventually(() -> accepts(port) || !broker.isAlive(), Duration.ofSeconds(15)) && broker.isAlive())
                .as("mosquitto listening on %d; log: %s", port, log()).isTrue();
        String uri = "tcp://127.0.0.1:" + port;

        lab = SimulatedLab.start(SimulatedLabOptions.forTests(PACE).withExternalBroker(uri)
                .withDataDir(brokerDir.resolve("lab")));
        assertThat(lab.mqttBrokerUri()).isEqualTo(uri);
        observer = observe(uri);

        LabConfig config = LabConfig.defaultLab().withProtocolEndpoint(Protocol.MQTT, uri);
        DriverOptions options = DriverOptions.defaults().withClock(lab.clock());
        xrd = new MqttDiffractometer(instrument(config, "xrd-1"), APPROVALS, options);
        raman = new MqttRamanSpectrometer(instrument(config, "raman-1"), APPROVALS, options);
    }

    @BeforeEach
    void requireMosquitto() {
        assumeTrue(Files.isExecutable(MOSQUITTO), "Mosquitto is not installed at " + MOSQUITTO + " (apt-get install mosquitto)");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {xrd, raman}) {
            if (c != null) {
                c.close();
            }
        }
        if (observer != null) {
            observer.disconnect().waitForCompletion(2_000);
            observer.close();
        }
        if (lab != null) {
            lab.close();
        }
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (brokerDir != null) {
            try (Stream<Path> files = Files.walk(brokerDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void theRetainedStatusShowsBothDevicesOnline() {
        assertThat(eventually(() -> xrd.isOnline() && xrd.state().heartbeat() != null, WAIT))
                .as("xrd-1 online over Mosquitto: %s", xrd.state()).isTrue();
        assertThat(eventually(raman::isOnline, WAIT)).as("raman-1 online over Mosquitto: %s", raman.state()).isTrue();
        assertThat(xrd.state().state()).isIn("idle", "busy");
        assertThat(xrd.state().errorCode()).isZero();
        // Retained: the observer subscribed after the devices had published, and Mosquitto handed it the stored status
        // with the RETAIN flag set (live heartbeats arrive without it).
        for (String device : new String[] {"xrd-1", "raman-1"}) {
            assertThat(eventually(() -> seenOn("lab/" + device + "/status").stream()
                    .anyMatch(s -> s.retained() && s.body().path("online").asBoolean()), WAIT))
                    .as("retained online status of %s delivered to a late subscriber", device).isTrue();
        }
    }

    @Test
    @Order(2)
    void anXrdScanIsAnsweredWithAPatternCarryingTheRequestsCorrelationData() throws Exception {
        String sample = preparedSample();
        ApprovedStep scan = scan("run-xrd", "xrd-a", sample);
        XrdPattern p = xrd.measure(scan).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(p.size()).isEqualTo(601); // 10–40° in 0.05° steps, both ends included
        assertThat(p.twoTheta()[0]).isBetween(9.99, 10.01);
        assertThat(p.twoTheta()[p.size() - 1]).isBetween(39.99, 40.01);
        assertThat(Arrays.stream(p.intensity()).max().orElse(0)).isGreaterThan(0);
        assertThat(p.metadata()).containsEntry("sample", sample).containsEntry("commandId", scan.command().commandId());

        // The request went out with a response topic and correlation data, and Mosquitto carried both: the device's
        // reply arrived on that topic with the same bytes.
        String commandId = scan.command().commandId();
        Seen request = awaitSeen(s -> s.topic().equals("lab/xrd-1/cmd") && commandId.equals(s.body().path("commandId").asText()));
        assertThat(request.correlation()).isNotNull().isNotEmpty();
        Seen reply = awaitSeen(s -> s.topic().startsWith("lab/clients/") && commandId.equals(s.body().path("commandId").asText()));
        assertThat(reply.body().path("status").asText()).isEqualTo("ok");
        assertThat(reply.correlation()).isEqualTo(request.correlation());
    }

    @Test
    @Order(3)
    void aRepeatedCommandIdIsAnsweredAsADuplicateWithoutMeasuringAgain() throws Exception {
        String sample = preparedSample();
        ApprovedStep scan = scan("run-dup", "xrd-d", sample);
        String commandId = scan.command().commandId();
        XrdPattern once = xrd.measure(scan).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        XrdPattern twice = xrd.measure(scan).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(twice.intensity()).containsExactly(once.intensity());
        assertThat(twice.metadata()).containsEntry("startTime", once.metadata().get("startTime"));

        Seen duplicate = awaitSeen(s -> s.topic().startsWith("lab/clients/") && commandId.equals(s.body().path("commandId").asText())
                && "duplicate".equals(s.body().path("status").asText()));
        assertThat(duplicate.body().path("result").path("twoTheta").size()).isEqualTo(once.size());
        // A later scan's result proves the device's queue drained; only one result was ever published for the repeat.
        ApprovedStep later = scan("run-dup", "xrd-e", sample);
        xrd.measure(later).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        awaitSeen(s -> s.topic().equals("lab/xrd-1/result") && later.command().commandId().equals(s.body().path("commandId").asText()));
        assertThat(seenOn("lab/xrd-1/result")).filteredOn(s -> commandId.equals(s.body().path("commandId").asText())).hasSize(1);
        assertThat(seenOn("lab/xrd-1/cmd")).filteredOn(s -> commandId.equals(s.body().path("commandId").asText())).hasSize(2);
    }

    @Test
    @Order(4)
    void aRamanSpectrumComesBackOverMosquittoToo() throws Exception {
        String sample = preparedSample();
        Step step = new Step("raman-a", Action.RAMAN, "raman-1", sample, null, Map.of())
                .withParam("laserWavelength", Quantity.of(785, "nm")).withParam("laserPower", Quantity.of(50, "mW"))
                .withParam("exposure", Quantity.of(5, "s"));
        RamanSpectrum s = raman.measure(new ApprovedStep("run-raman", step, APPROVALS.issue("run-raman", step)))
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(s.size()).isGreaterThan(100);
        assertThat(Arrays.stream(s.intensity()).max().orElse(0)).isGreaterThan(0);
    }

    @Test
    @Order(5)
    void theLastWillMarksADroppedDeviceOfflineForTheDriver() throws Exception {
        assertThat(eventually(xrd::isOnline, WAIT)).isTrue();
        lab.faults().disconnect("xrd-1");
        try {
            assertThat(eventually(() -> !xrd.isOnline() && "offline".equals(xrd.state().state()), WAIT))
                    .as("driver sees xrd-1 offline: %s", xrd.state()).isTrue();
            // It was Mosquitto's Last Will, not a heartbeat timeout: the offline status is on the wire, retained.
            Seen will = awaitSeen(s -> s.topic().equals("lab/xrd-1/status") && !s.body().path("online").asBoolean(true));
            assertThat(will.body().path("state").asText()).isEqualTo("offline");
            assertThat(raman.isOnline()).as("raman-1 unaffected").isTrue();
        } finally {
            lab.faults().reconnect("xrd-1");
        }
        assertThat(eventually(xrd::isOnline, WAIT)).as("xrd-1 back online: %s", xrd.state()).isTrue();
    }

    private static ApprovedStep scan(String runId, String stepId, String sample) {
        Step step = new Step(stepId, Action.XRD, "xrd-1", sample, null, Map.of())
                .withParam("twoThetaStart", Quantity.of(10, "deg")).withParam("twoThetaEnd", Quantity.of(40, "deg"))
                .withParam("stepSize", Quantity.of(0.05, "deg")).withParam("countTime", Quantity.of(0.2, "s"));
        return new ApprovedStep(runId, step, APPROVALS.issue(runId, step));
    }

    /** A fresh sample of BaCO3 + TiO2 in the simulated world (as SimulatedLabMqttIT prepares its samples). */
    private static String preparedSample() {
        String sample = "S-" + UUID.randomUUID().toString().substring(0, 8);
        lab.world().dispense(sample, "BaCO3", 400, new Random(7));
        lab.world().dispense(sample, "TiO2", 160, new Random(7));
        return sample;
    }

    private static InstrumentConfig instrument(LabConfig config, String id) {
        return config.instrument(id).orElseThrow(() -> new AssertionError("default lab has no " + id));
    }

    private static MqttAsyncClient observe(String uri) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, "interop-observer-" + UUID.randomUUID(), new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    MqttProperties p = message.getProperties();
                    seen.add(new Seen(topic, WorkflowJson.mapper().readTree(message.getPayload()),
                            p == null ? null : p.getCorrelationData(), message.isRetained()));
                } catch (IOException e) {
                    // Not JSON: not part of the protocol under test.
                }
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
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        c.connect(o).waitForCompletion(10_000);
        // One subscribe call with all filters (Paho 1.2.5 per-subscription listeners need subscription identifiers).
        c.subscribe(new String[] {"lab/+/status", "lab/+/cmd", "lab/+/result", "lab/clients/+/reply"}, new int[] {1, 1, 1, 1})
                .waitForCompletion(10_000);
        return c;
    }

    private static List<Seen> seenOn(String topic) {
        List<Seen> out = new ArrayList<>();
        for (Seen s : seen) {
            if (s.topic().equals(topic)) {
                out.add(s);
            }
        }
        return out;
    }

    private static Seen awaitSeen(java.util.function.Predicate<Seen> condition) {
        Seen[] found = new Seen[1];
        boolean ok = eventually(() -> {
            for (Seen s : seen) {
                if (condition.test(s)) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        }, WAIT);
        assertThat(ok).as("observer saw a matching message within %s", WAIT).isTrue();
        return found[0];
    }

    private static String log() {
        try {
            return Files.readString(brokerDir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
