package org.athanor.simulators.opcua;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.athanor.simulators.lab.SynthesisInstrument;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * The lab's one Milo OPC UA server. Endpoints: Basic256Sha256/SignAndEncrypt with username/password and a trust
 * list; and, only while bound to a loopback address, SecurityPolicy None for local development. A self-signed
 * application certificate is generated at every start and written to {@code <dataDir>/pki/own/certs/server.der};
 * client certificates are trusted from {@code <dataDir>/pki/trusted/certs} (rejected ones land in
 * {@code pki/rejected/certs}, where an operator can move them to trusted).
 */
public final class LabOpcUaServer implements AutoCloseable {

    public static final String APPLICATION_URI = "urn:athanor:simulated-lab";
    public static final String PATH = "/athanor";

    private final OpcUaServer server;
    private final LabNamespace namespace;
    private final FileBasedTrustListManager trustList;
    private final X509Certificate certificate;
    private final String endpointUrl;
    private final Path pki;

    private LabOpcUaServer(OpcUaServer server, LabNamespace namespace, FileBasedTrustListManager trustList,
                           X509Certificate certificate, String endpointUrl, Path pki) {
        this.server = server;
        this.namespace = namespace;
        this.trustList = trustList;
        this.certificate = certificate;
        this.endpointUrl = endpointUrl;
        this.pki = pki;
    }

    /** Where the server certificate (own/certs/server.der) and the trust list (trusted/, rejected/) live. */
    public Path pkiDirectory() {
        return pki;
    }

    public static LabOpcUaServer start(String bindAddress, int port, Path dataDir, Map<String, String> users,
                                       List<SynthesisInstrument> instruments) throws Exception {
        Path pki = dataDir.resolve("pki");
        Files.createDirectories(pki.resolve("own").resolve("certs"));
        FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(pki);
        FileBasedCertificateQuarantine quarantine = FileBasedCertificateQuarantine.create(pki.resolve("rejected").resolve("certs"));

        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("Athanor simulated lab")
                .setOrganization("Athanor")
                .setApplicationUri(APPLICATION_URI)
                .addDnsName("localhost")
                .addIpAddress("127.0.0.1");
        if (!isLoopback(bindAddress) && !"0.0.0.0".equals(bindAddress)) {
            builder.addIpAddress(bindAddress);
        }
        X509Certificate certificate = builder.build();
        writeAtomically(pki.resolve("own").resolve("certs").resolve("server.der"), certificate.getEncoded());

        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected KeyPair createRsaSha256KeyPair() {
                return keyPair;
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair kp) {
                return new X509Certificate[] {certificate};
            }
        };
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, new MemoryCertificateStore(),
                factory, new DefaultServerCertificateValidator(trustList, quarantine));
        DefaultCertificateManager certificates = new DefaultCertificateManager(quarantine, group);

        String hostname = "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setBindAddress(bindAddress)
                .setBindPort(port)
                .setHostname(hostname)
                .setPath(PATH)
                .setCertificate(certificate)
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY);
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        endpoints.add(base.copy()
                .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
                .build());
        if (isLoopback(bindAddress)) {
            endpoints.add(base.copy()
                    .setSecurityPolicy(SecurityPolicy.None)
                    .setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
                    .build());
        }
        // Discovery must be reachable without security (OPC UA Part 4 §5.4): clients fetch endpoints here first.
        endpoints.add(base.copy().setPath(PATH + "/discovery")
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build());

        Map<String, String> accounts = Map.copyOf(users);
        UsernameIdentityValidator passwords = new UsernameIdentityValidator(
                challenge -> challenge.getPassword() != null && challenge.getPassword().equals(accounts.get(challenge.getUsername())));
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Athanor simulated lab"))
                .setProductUri("urn:athanor:simulators")
                .setEndpoints(endpoints)
                .setCertificateManager(certificates)
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE, passwords))
                .build();
        OpcTcpServerTransportConfig transport = OpcTcpServerTransportConfig.newBuilder().build();
        OpcUaServer server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(transport));
        LabNamespace namespace = new LabNamespace(server, instruments);
        namespace.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        String url = "opc.tcp://" + hostname + ":" + port + PATH;
        return new LabOpcUaServer(server, namespace, trustList, certificate, url, pki);
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public int namespaceIndex() {
        return namespace.getNamespaceIndex().intValue();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Adds a client application certificate to the trust list (as an operator would by moving it to trusted/). */
    public void trust(X509Certificate clientCertificate) {
        trustList.addTrustedCertificate(clientCertificate);
    }

    @Override
    public void close() throws Exception {
        try {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
        } finally {
            trustList.close();
        }
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        org.athanor.io.AtomicFiles.write(target, bytes);
    }
}
