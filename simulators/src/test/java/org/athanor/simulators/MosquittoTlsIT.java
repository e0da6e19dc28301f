package org.athanor.simulators;

import static org.athanor.simulators.LoopbackTesting.accepts;
import static org.athanor.simulators.LoopbackTesting.eventually;
import static org.athanor.simulators.LoopbackTesting.freePort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.config.Credentials;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.MqttSettings;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.instruments.mqtt.MqttDiffractometer;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MQTT driver over TLS with a user name and password, against an independent broker (Debian's Mosquitto). The CA,
 * the server certificate (for 127.0.0.1 and localhost), the driver's PKCS12 trust store and Mosquitto's password file
 * are made at test time with openssl, keytool and mosquitto_passwd. The simulated devices cannot speak TLS or log in
 * ({@code SimulatedLabOptions.withExternalBroker} takes a bare URI), so Mosquitto gets a second, plain, anonymous
 * listener for them ({@code per_listener_settings}); only the driver uses the TLS listener, which refuses anonymous
 * clients. Skipped (not passed) when any of the four tools is missing.
 */
class MosquittoTlsIT {

    private static final Path MOSQUITTO = Path.of(System.getProperty("athanor.mosquitto", "/usr/sbin/mosquitto"));
    private static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    /** The keytool of the JDK running the tests, so the trust store is in a format this JDK reads. */
    private static final Path KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double PACE = 1000;
    private static final String USER = "athanor-driver";
    private static final ApprovalTokens APPROVALS = new ApprovalTokens("mosquitto-tls-secret".getBytes(StandardCharsets.UTF_8));

    private static boolean toolsPresent;
    private static Process broker;
    private static Path dir;
    private static SimulatedLab lab;
    private static int tlsPort;

    @BeforeAll
    static void startMosquittoWithATlsListenerAndTheLab() throws Exception {
        toolsPresent = Stream.of(MOSQUITTO, MOSQUITTO_PASSWD, OPENSSL, KEYTOOL).allMatch(Files::isExecutable);
        if (!toolsPresent) {
            return; // every test is skipped in requireTools; an aborted @BeforeAll would not show in failsafe's report
        }
        dir = Files.createTempDirectory("athanor-mosquitto-tls-");
        makeCertificatesAndTrustStore();
        run(MOSQUITTO_PASSWD.toString(), "-b", "-c", dir.resolve("passwd").toString(), USER, "right-password");
        Files.writeString(dir.resolve("right.pw"), "right-password\n");
        Files.writeString(dir.resolve("wrong.pw"), "wrong-password\n");

        tlsPort = freePort();
        int plainPort = freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                // Started as root, Mosquitto drops to user "mosquitto" before reading the password file, which
                // could not then open it in this private temp dir; staying the test's own user avoids that.
                "user " + System.getProperty("user.name"),
                "per_listener_settings true",
                "persistence false",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + dir.resolve("ca.crt"),
                "certfile " + dir.resolve("server.crt"),
                "keyfile " + dir.resolve("server.key"),
                "allow_anonymous false",
                "password_file " + dir.resolve("passwd"),
                // the simulated devices' listener: plain and anonymous (they have no TLS or login settings)
                "listener " + plainPort + " 127.0.0.1",
                "allow_anonymous true",
                ""));
        broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        assertThat(eventually(() -> (accepts(tlsPort) && accepts(plainPort)) || !broker.isAlive(), Duration.ofSeconds(15))
                && broker.isAlive()).as("mosquitto listening on %d and %d; log: %s", tlsPort, plainPort, log()).isTrue();

        lab = SimulatedLab.start(SimulatedLabOptions.forTests(PACE).withExternalBroker("tcp://127.0.0.1:" + plainPort)
                .withDataDir(dir.resolve("lab")));
    }

    /**
     * A CA, a server certificate it signed for 127.0.0.1 and localhost (Paho checks the host name), and a PKCS12 trust
     * store holding the CA. The store is written without integrity or certificate protection so that the driver, which
     * takes a trust-store password only from an environment variable the test cannot set, loads it with none.
     */
    private static void makeCertificatesAndTrustStore() throws Exception {
        String d = dir.toString();
        run(OPENSSL.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", d + "/ca.key", "-out", d + "/ca.crt", "-days", "2", "-subj", "/CN=Athanor test CA");
        run(OPENSSL.toString(), "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", d + "/server.key", "-out", d + "/server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(OPENSSL.toString(), "x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.crt", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-out", d + "/server.crt", "-days", "2", "-extfile", d + "/san.cnf");
        run(KEYTOOL.toString(), "-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE",
                "-importcert", "-noprompt", "-storetype", "PKCS12", "-alias", "athanor-test-ca", "-file", d + "/ca.crt",
                "-keystore", d + "/trust.p12", "-storepass", "unprotected");
    }

    @BeforeEach
    void requireTools() {
        assumeTrue(toolsPresent, "needs " + MOSQUITTO + ", " + MOSQUITTO_PASSWD + ", " + OPENSSL + " and " + KEYTOOL
                + " (apt-get install mosquitto mosquitto-clients openssl)");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (lab != null) {
            lab.close();
        }
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void theDriverLogsInOverTlsComesOnlineAndMeasuresAnXrdPattern() throws Exception {
        try (MqttDiffractometer xrd = new MqttDiffractometer(driverConfig("right.pw", "athanor-tls-good"), APPROVALS,
                DriverOptions.defaults().withClock(lab.clock()))) {
            assertThat(eventually(() -> xrd.isOnline() && xrd.state().heartbeat() != null, WAIT))
                    .as("xrd-1 online over TLS: %s; log: %s", xrd.state(), log()).isTrue();
            String sample = preparedSample();
            Step step = new Step("xrd-tls", Action.XRD, "xrd-1", sample, null, Map.of())
                    .withParam("twoThetaStart", Quantity.of(10, "deg")).withParam("twoThetaEnd", Quantity.of(40, "deg"))
                    .withParam("stepSize", Quantity.of(0.05, "deg")).withParam("countTime", Quantity.of(0.2, "s"));
            XrdPattern p = xrd.measure(new ApprovedStep("run-tls", step, APPROVALS.issue("run-tls", step)))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(p.size()).isEqualTo(601); // 10–40° in 0.05° steps, both ends included
            assertThat(Arrays.stream(p.intensity()).max().orElse(0)).isGreaterThan(0);
            assertThat(p.metadata()).containsEntry("sample", sample);
        }
        // Mosquitto logs each new client with its user name: the driver really logged in on the TLS listener.
        assertThat(log()).contains("athanor-tls-good").contains("u'" + USER + "'");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearError() {
        InstrumentConfig config = driverConfig("wrong.pw", "athanor-tls-bad");
        DriverOptions quick = new DriverOptions(lab.clock(), DriverOptions.defaults().commandTimeout(), Duration.ofSeconds(3));
        assertThatThrownBy(() -> new MqttDiffractometer(config, APPROVALS, quick).close())
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("cannot connect to broker ssl://127.0.0.1:" + tlsPort)
                // Mosquitto 2.0 answers a failed login with CONNACK reason 0x87 "Not authorized" (MQTT 5 §3.2.2.2)
                .hasMessageContaining("Not authorized");
    }

    @Test
    void withoutTheTestCaInItsTrustStoreTheDriverRefusesTheBrokersCertificate() {
        // No trust store configured: the driver falls back to the JDK's default trust, which knows no test CA, so the
        // right password never gets sent. Shows the good test's connection really verified the server certificate.
        InstrumentConfig c = driverConfig("right.pw", "athanor-tls-untrusted");
        InstrumentConfig untrusted = new InstrumentConfig(c.id(), c.kind(), c.protocol(), c.endpoint(), c.model(),
                c.credentials(), c.opcua(), new MqttSettings(true, null, null, "athanor-tls-untrusted", null, null, null),
                c.capabilities(), c.limits(), c.nodes());
        DriverOptions quick = new DriverOptions(lab.clock(), DriverOptions.defaults().commandTimeout(), Duration.ofSeconds(3));
        assertThatThrownBy(() -> new MqttDiffractometer(untrusted, APPROVALS, quick).close())
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("cannot connect to broker ssl://127.0.0.1:" + tlsPort);
        assertThat(log()).doesNotContain("as athanor-tls-untrusted");
    }

    /** xrd-1 from the default lab, pointed at the TLS listener, with the trust store and a password file. */
    private static InstrumentConfig driverConfig(String passwordFile, String clientId) {
        InstrumentConfig c = LabConfig.defaultLab().instrument("xrd-1").orElseThrow();
        return new InstrumentConfig(c.id(), c.kind(), c.protocol(), "ssl://127.0.0.1:" + tlsPort, c.model(),
                new Credentials(USER, null, dir.resolve(passwordFile).toString()),
                c.opcua(), new MqttSettings(true, dir.resolve("trust.p12").toString(), null, clientId, null, null, null),
                c.capabilities(), c.limits(), c.nodes());
    }

    private static String preparedSample() {
        String sample = "S-" + UUID.randomUUID().toString().substring(0, 8);
        lab.world().dispense(sample, "BaCO3", 400, new Random(7));
        lab.world().dispense(sample, "TiO2", 160, new Random(7));
        return sample;
    }

    private static void run(String... command) throws Exception {
        Path out = dir.resolve("tool.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("%s failed: %s", List.of(command), Files.readString(out)).isTrue();
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
