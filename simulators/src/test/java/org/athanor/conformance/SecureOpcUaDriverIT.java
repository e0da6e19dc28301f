package org.athanor.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.config.Credentials;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.OpcUaSettings;
import org.athanor.instruments.config.Protocol;
import org.athanor.instruments.opcua.OpcUaFurnace;
import org.athanor.simulators.SimulatedLab;
import org.athanor.simulators.SimulatedLabOptions;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OPC UA furnace driver, configured as a lab file would configure it, against the simulated lab's secured endpoint
 * (Basic256Sha256, SignAndEncrypt, user name and password): trust has to be set up on both sides, as an operator
 * would, before the driver comes online, and a wrong password keeps it offline with an error saying why.
 */
class SecureOpcUaDriverIT {

    static final ApprovalTokens APPROVALS = new ApprovalTokens("secure-driver-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path dir;
    static SimulatedLab lab;
    static Path driverTrust;

    @BeforeAll
    static void startLab() throws Exception {
        // A lab of its own: this test changes the server's trust list.
        lab = SimulatedLab.start(SimulatedLabOptions.forTests(100_000).withDataDir(dir.resolve("lab")));
        // The driver trusts the server because an operator copied the server's certificate into its trust directory.
        driverTrust = Files.createDirectories(dir.resolve("driver-trust"));
        Files.copy(lab.opcUaServer().pkiDirectory().resolve("own/certs/server.der"), driverTrust.resolve("lab-server.der"));
    }

    @AfterAll
    static void stopLab() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    static InstrumentConfig secureFurnace(String password) throws Exception {
        Path passwordFile = Files.writeString(Files.createTempFile(dir, "password", ".txt"), password + "\n");
        InstrumentConfig plain = LabConfig.defaultLab().withProtocolEndpoint(Protocol.OPCUA, lab.opcUaEndpoint())
                .instrument("box-furnace-1").orElseThrow();
        OpcUaSettings secure = new OpcUaSettings("Basic256Sha256", "SignAndEncrypt", "username",
                plain.opcua().namespaceUri(), driverTrust.toString(), plain.opcua().requestTimeoutMs());
        return new InstrumentConfig(plain.id(), plain.kind(), plain.protocol(), plain.endpoint(), plain.model(),
                new Credentials("operator", null, passwordFile.toString()), secure, plain.mqtt(), plain.capabilities(),
                plain.limits(), plain.nodes());
    }

    static DriverOptions quickToGiveUp() {
        return new DriverOptions(lab.clock(), Duration.ofSeconds(30), Duration.ofSeconds(3));
    }

    static List<X509Certificate> rejectedByServer() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Path rejected = lab.opcUaServer().pkiDirectory().resolve("rejected/certs");
        if (!Files.isDirectory(rejected)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(rejected)) {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add((X509Certificate) factory.generateCertificate(in));
                }
            }
        }
        return out;
    }

    @Test
    void theDriverComesOnlineOnlyOnceTheServerTrustsItAndTheRightPasswordOpensTheDoor() throws Exception {
        InstrumentConfig config = secureFurnace("athanor-sim");

        assertThatThrownBy(() -> new OpcUaFurnace(config, APPROVALS, quickToGiveUp()).close())
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("cannot connect to " + lab.opcUaEndpoint());

        // The operator moves the driver's rejected certificate to the server's trust list.
        List<X509Certificate> rejected = rejectedByServer();
        assertThat(rejected).extracting(c -> c.getSubjectX500Principal().getName()).anyMatch(n -> n.contains("box-furnace-1"));
        rejected.forEach(lab.opcUaServer()::trust);

        try (OpcUaFurnace furnace = new OpcUaFurnace(config, APPROVALS, quickToGiveUp())) {
            assertThat(furnace.state().online()).isTrue();
            String run = "secure-run";
            Step heat = new Step("heat", Action.HEAT, "box-furnace-1", "S-secure", null, Map.of())
                    .withParam("temperature", Quantity.of(500, "degC"));
            boolean open = !Boolean.TRUE.equals(lab.instrument("box-furnace-1").doorOpen());
            furnace.setDoor(new ApprovedStep(run, heat, APPROVALS.issue(run, heat)), open).get(30, TimeUnit.SECONDS);
            assertThat(lab.instrument("box-furnace-1").doorOpen()).isEqualTo(open);
        }
    }

    @Test
    void aWrongPasswordKeepsTheTrustedDriverOfflineWithAClearError() throws Exception {
        InstrumentConfig config = secureFurnace("not-the-password");
        // Trust is not what is being tested here: make sure the server already knows this driver's certificate.
        try (OpcUaFurnace alreadyTrusted = new OpcUaFurnace(secureFurnace("athanor-sim"), APPROVALS, quickToGiveUp())) {
            assertThat(alreadyTrusted.state().online()).isTrue();
        } catch (InstrumentException notYetTrusted) {
            rejectedByServer().forEach(lab.opcUaServer()::trust);
        }
        try (OpcUaFurnace rightPassword = new OpcUaFurnace(secureFurnace("athanor-sim"), APPROVALS, quickToGiveUp())) {
            assertThat(rightPassword.state().online()).isTrue();
        }

        assertThatThrownBy(() -> new OpcUaFurnace(config, APPROVALS, quickToGiveUp()).close())
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("cannot connect to " + lab.opcUaEndpoint())
                .hasMessageContaining("UserAccessDenied");
    }
}
