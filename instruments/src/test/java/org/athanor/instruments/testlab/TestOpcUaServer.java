package org.athanor.instruments.testlab;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A small real Milo OPC UA server implementing just enough of instruments/PROTOCOL.md for the driver tests: the
 * given synthesis devices under {@code Objects/<id>/...}, security None, anonymous or user {@code lab}/{@code lab-pw}.
 * It can be stopped and started again on the same port to exercise reconnects. {@code naming} maps PROTOCOL's node
 * id ({@code <id>/<path>}) to the one this server uses, to play a vendor with another address space.
 */
public final class TestOpcUaServer implements AutoCloseable {

    public static final String USER = "lab";
    public static final String PASSWORD = "lab-pw";

    /**
     * User name and password without token encryption: acceptable only because the test server listens on loopback
     * with no secured endpoint; a real lab uses Basic256Sha256 where the token is encrypted.
     */
    private static final UserTokenPolicy USERNAME_IN_CLEAR = new UserTokenPolicy("username-loopback", UserTokenType.UserName,
            null, null, SecurityPolicy.None.getUri());

    private final int port;
    private final List<TestSynthesisDevice> devices;
    private final String namespaceUri;
    private final UnaryOperator<String> naming;
    private OpcUaServer server;
    private TestLabNamespace namespace;

    private TestOpcUaServer(int port, String namespaceUri, UnaryOperator<String> naming, List<TestSynthesisDevice> devices) {
        this.port = port;
        this.devices = devices;
        this.namespaceUri = namespaceUri;
        this.naming = naming;
    }

    public static TestOpcUaServer start(List<TestSynthesisDevice> devices) {
        return start("urn:athanor:lab", UnaryOperator.identity(), devices);
    }

    public static TestOpcUaServer start(String namespaceUri, UnaryOperator<String> naming, List<TestSynthesisDevice> devices) {
        TestOpcUaServer s = new TestOpcUaServer(freePort(), namespaceUri, naming, devices);
        s.startServer();
        return s;
    }

    public String endpoint() {
        return "opc.tcp://127.0.0.1:" + port + "/athanor";
    }

    public void startServer() {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setBindAddress("127.0.0.1").setBindPort(port).setHostname("127.0.0.1").setPath("/athanor")
                .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, USERNAME_IN_CLEAR)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("Athanor driver test server"))
                .setApplicationUri("urn:athanor:test-server")
                .setProductUri("urn:athanor:test-server")
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                        new UsernameIdentityValidator(c -> USER.equals(c.getUsername()) && PASSWORD.equals(c.getPassword()))))
                .build();
        server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new TestLabNamespace(server, namespaceUri, naming, devices);
        namespace.startup();
        try {
            server.startup().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test OPC UA server did not start", e);
        }
    }

    public void stopServer() {
        if (server == null) {
            return;
        }
        namespace.shutdown();
        try {
            server.shutdown().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test OPC UA server did not stop", e);
        }
        server = null;
    }

    @Override
    public void close() {
        stopServer();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
