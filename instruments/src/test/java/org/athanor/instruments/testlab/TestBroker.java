package org.athanor.instruments.testlab;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real HiveMQ CE broker, embedded, on a free loopback port, for the MQTT driver tests. */
public final class TestBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private TestBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    public static TestBroker start() {
        try {
            int port = TestOpcUaServer.freePort();
            Path dir = Files.createTempDirectory("athanor-hivemq");
            Path conf = Files.createDirectories(dir.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(dir.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                    // logback is excluded (parent pom): without this HiveMQ's logging bootstrap fails and start never completes
                    .withoutLoggingBootstrap()
                    .build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            return new TestBroker(hivemq, port);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded broker did not start", e);
        }
    }

    public String endpoint() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            // shutting down anyway
        }
    }
}
