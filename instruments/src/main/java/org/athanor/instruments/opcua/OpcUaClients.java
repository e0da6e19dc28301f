package org.athanor.instruments.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.OpcUaSettings;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Builds a Milo client from an instrument's configuration: picks the server endpoint with the configured security
 * policy and mode, presents the configured identity (anonymous, or user name with the password from the environment
 * or a file), and for secured policies a fresh self-signed application certificate while trusting only the server
 * certificates in the configured directory.
 */
final class OpcUaClients {

    private OpcUaClients() {
    }

    static OpcUaClient create(InstrumentConfig config) throws UaException {
        OpcUaSettings ua = config.opcua();
        SecurityPolicy policy = SecurityPolicy.valueOf(ua.policy());
        MessageSecurityMode mode = MessageSecurityMode.valueOf(ua.mode());
        String endpointUrl = config.endpoint();
        ApplicationIdentity identity = policy == SecurityPolicy.None ? null : identityFor(config.id());
        String applicationUri = identity == null ? "urn:athanor:driver:" + config.id() + ":" + UUID.randomUUID()
                : identity.applicationUri();
        return OpcUaClient.create(endpointUrl,
                endpoints -> select(endpoints, policy, mode).map(e -> EndpointUtil.updateUrl(e,
                        EndpointUtil.getHost(endpointUrl), EndpointUtil.getPort(endpointUrl))),
                transport -> transport.setConnectTimeout(uint(5_000)),
                builder -> {
                    builder.setApplicationName(LocalizedText.english("Athanor driver " + config.id()))
                            .setApplicationUri(applicationUri)
                            .setProductUri("urn:athanor:driver")
                            .setRequestTimeout(uint(ua.requestTimeout()))
                            .setKeepAliveInterval(uint(2_000))
                            .setIdentityProvider(identity(config));
                    if (policy != SecurityPolicy.None) {
                        try {
                            builder.setKeyPair(identity.keys()).setCertificate(identity.certificate())
                                    .setCertificateChain(new X509Certificate[] {identity.certificate()});
                            MemoryTrustListManager trust = new MemoryTrustListManager();
                            trustedCertificates(ua.trustedCertificatesDir()).forEach(trust::addTrustedCertificate);
                            builder.setCertificateValidator(new DefaultClientCertificateValidator(trust, new MemoryCertificateQuarantine()));
                        } catch (Exception e) {
                            throw new IllegalStateException("cannot set up OPC UA security for " + config.id() + ": " + e.getMessage(), e);
                        }
                    }
                });
    }

    /**
     * The driver's application key pair and certificate for one instrument id, made once per process: a server trusts
     * a client certificate only after an operator has moved it from its rejected list to its trusted list, so a
     * driver that made a fresh certificate at every connection attempt could never be trusted.
     */
    record ApplicationIdentity(String applicationUri, KeyPair keys, X509Certificate certificate) {
    }

    private static final java.util.Map<String, ApplicationIdentity> IDENTITIES = new java.util.concurrent.ConcurrentHashMap<>();

    static ApplicationIdentity identityFor(String instrumentId) {
        return IDENTITIES.computeIfAbsent(instrumentId, id -> {
            String uri = "urn:athanor:driver:" + id + ":" + UUID.randomUUID();
            try {
                KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                X509Certificate certificate = new SelfSignedCertificateBuilder(keys)
                        .setCommonName("Athanor driver " + id)
                        .setApplicationUri(uri)
                        .addDnsName("localhost")
                        .build();
                return new ApplicationIdentity(uri, keys, certificate);
            } catch (Exception e) {
                throw new IllegalStateException("cannot make an OPC UA application certificate for " + id + ": " + e.getMessage(), e);
            }
        });
    }

    /** Connects, retrying with exponential backoff (100 ms doubling to 2 s) until {@code timeout} has passed. */
    static OpcUaClient connectWithBackoff(InstrumentConfig config, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long delayMs = 100;
        while (true) {
            OpcUaClient c = null;
            try {
                c = create(config);
                c.connect();
                c.readNamespaceTable();
                return c;
            } catch (Exception e) {
                if (c != null) {
                    c.disconnectAsync();
                }
                if (System.nanoTime() + delayMs * 1_000_000 > deadline) {
                    throw new org.athanor.instruments.InstrumentException(config.id(), "cannot connect to " + config.endpoint()
                            + ": " + OpcUaInstrument.rootMessage(e), e);
                }
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new org.athanor.instruments.InstrumentException(config.id(), "interrupted while connecting", ie);
                }
                delayMs = Math.min(delayMs * 2, 2_000);
            }
        }
    }

    private static Optional<EndpointDescription> select(List<EndpointDescription> endpoints, SecurityPolicy policy,
                                                         MessageSecurityMode mode) {
        return endpoints.stream()
                .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .max(Comparator.comparing(e -> e.getSecurityLevel().intValue()));
    }

    private static IdentityProvider identity(InstrumentConfig config) {
        if (!"username".equals(config.opcua().identityType())) {
            return AnonymousProvider.INSTANCE;
        }
        String user = config.credentials().username();
        String password = config.credentials().password().orElseThrow(() -> new IllegalStateException(
                config.id() + ": identity 'username' but no passwordEnv or passwordFile"));
        return new UsernameProvider(user, password);
    }

    private static List<X509Certificate> trustedCertificates(String dir) throws IOException {
        if (dir == null) {
            return List.of();
        }
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
        List<X509Certificate> out = new java.util.ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(dir))) {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add((X509Certificate) factory.generateCertificate(in));
                } catch (java.security.cert.CertificateException e) {
                    throw new IOException("not an X.509 certificate: " + f, e);
                }
            }
        }
        return out;
    }
}
