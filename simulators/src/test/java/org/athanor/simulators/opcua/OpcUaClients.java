package org.athanor.simulators.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** Real Milo clients for the integration tests: loopback None/anonymous, and Basic256Sha256 with a password. */
final class OpcUaClients {

    static final String CLIENT_URI = "urn:athanor:test-client";

    private OpcUaClients() {
    }

    static OpcUaClient anonymous(String endpoint) throws Exception {
        OpcUaClient client = OpcUaClient.create(endpoint,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .filter(e -> !e.getEndpointUrl().endsWith("/discovery"))
                        .findFirst(),
                transport -> { },
                config -> config.setApplicationName(LocalizedText.english("athanor test client"))
                        .setApplicationUri(CLIENT_URI)
                        .setRequestTimeout(uint(10_000))
                        .setIdentityProvider(AnonymousProvider.INSTANCE));
        return client.connect();
    }

    /** A client application identity: key pair and self-signed certificate. */
    record ClientIdentity(KeyPair keyPair, X509Certificate certificate) {
        static ClientIdentity generate() throws Exception {
            KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate cert = new SelfSignedCertificateBuilder(kp)
                    .setCommonName("athanor test client")
                    .setApplicationUri(CLIENT_URI)
                    .addDnsName("localhost")
                    .build();
            return new ClientIdentity(kp, cert);
        }
    }

    static OpcUaClient secure(String endpoint, ClientIdentity identity, X509Certificate serverCertificate,
                              String user, String password) throws Exception {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trust.addTrustedCertificate(serverCertificate);
        DefaultClientCertificateValidator validator = new DefaultClientCertificateValidator(trust, new MemoryCertificateQuarantine());
        OpcUaClient client = OpcUaClient.create(endpoint,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.Basic256Sha256.getUri().equals(e.getSecurityPolicyUri()))
                        .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                        .findFirst(),
                transport -> { },
                config -> config.setApplicationName(LocalizedText.english("athanor test client"))
                        .setApplicationUri(CLIENT_URI)
                        .setKeyPair(identity.keyPair())
                        .setCertificate(identity.certificate())
                        .setCertificateChain(new X509Certificate[] {identity.certificate()})
                        .setCertificateValidator(validator)
                        .setRequestTimeout(uint(10_000))
                        .setIdentityProvider(new UsernameProvider(user, password)));
        return client.connect();
    }
}
