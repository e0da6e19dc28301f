package org.athanor.simulators.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * HiveMQ CE embedded as the lab's MQTT 5 broker: one TCP listener, in-memory persistence, no usage statistics.
 * HiveMQ's own logging bootstrap is skipped (it would configure Logback, which this project does not ship); its
 * SLF4J output goes to whatever backend the application has, or nowhere.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final String uri;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, String uri) {
        this.hivemq = hivemq;
        this.uri = uri;
    }

    public static EmbeddedBroker start(String bindAddress, int port, Path dataDir) throws Exception {
        Path home = dataDir.resolve("hivemq");
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        writeConfig(conf.resolve("config.xml"), bindAddress, port);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get(60, TimeUnit.SECONDS);
        String host = "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
        return new EmbeddedBroker(hivemq, "tcp://" + host + ":" + port);
    }

    private static void writeConfig(Path file, String bindAddress, int port) throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                  </listeners>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, bindAddress);
        org.athanor.io.AtomicFiles.writeString(file, xml);
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        hivemq.stop().get(30, TimeUnit.SECONDS);
        hivemq.close();
    }
}
