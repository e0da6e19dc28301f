package org.athanor.agent.cli;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.athanor.clock.ScaledClock;
import org.athanor.simulators.SimulatedLab;
import org.athanor.simulators.SimulatedLabOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code athanor lab serve}: the simulated lab on its own, for any OPC UA or MQTT client, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the simulated lab (OPC UA server + MQTT devices) and print its addresses; runs until Ctrl-C.")
public class LabServeCommand implements Callable<Integer> {

    @Option(names = "--opcua-port", paramLabel = "N", defaultValue = "4840", description = "OPC UA port (0 = any free port; default ${DEFAULT-VALUE}).")
    int opcUaPort;

    @Option(names = "--mqtt-port", paramLabel = "N", defaultValue = "1883", description = "Embedded MQTT broker port (0 = any free port; default ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--mqtt-broker", paramLabel = "URI", description = "Use this external MQTT 5 broker (e.g. tcp://localhost:1883) instead of the embedded one.")
    String externalBroker;

    @Option(names = "--pace", paramLabel = "X", defaultValue = "1", description = "Lab seconds per wall second (default ${DEFAULT-VALUE}; 3600 = an hour per second).")
    double pace;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the world's batch-to-batch noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Bind address (default ${DEFAULT-VALUE}). The unsecured OPC UA endpoint exists only on loopback.")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory for certificates, trust list and broker files (default: a temporary directory).")
    Path data;

    @Option(names = "--opcua-user", paramLabel = "NAME", defaultValue = "operator", description = "OPC UA user name for the secure endpoint (default ${DEFAULT-VALUE}).")
    String user;

    @Override
    public Integer call() {
        if (!(pace > 0) || !Double.isFinite(pace)) {
            System.err.println("athanor lab serve: --pace must be a positive number, was " + pace);
            return ExitCodes.USAGE;
        }
        if (opcUaPort < 0 || opcUaPort > 65535 || mqttPort < 0 || mqttPort > 65535) {
            System.err.println("athanor lab serve: ports must lie in 0..65535");
            return ExitCodes.USAGE;
        }
        String password = System.getenv().getOrDefault("ATHANOR_LAB_PASSWORD", "athanor-sim");
        SimulatedLabOptions options = SimulatedLabOptions.defaults()
                .withBindAddress(bind)
                .withPorts(opcUaPort, mqttPort)
                // Served to other processes: their computation cannot stop this clock, and it does not stop for the
                // lab's own (pattern simulation), so at pace 1 its heartbeats keep in step with the wall clock.
                .withClock(ScaledClock.continuous(Instant.now(), pace))
                .withSeed(seed)
                .withUsers(Map.of(user, password));
        if (externalBroker != null) {
            options = options.withExternalBroker(externalBroker);
        }
        if (data != null) {
            options = options.withDataDir(data);
        }
        SimulatedLab lab;
        try {
            lab = SimulatedLab.start(options);
        } catch (Exception e) {
            System.err.println("athanor lab serve: cannot start the simulated lab: " + describe(e));
            return ExitCodes.REJECTED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                lab.close();
            } catch (Exception e) {
                System.err.println("athanor lab serve: shutdown: " + describe(e));
            } finally {
                stopped.countDown();
            }
        }, "athanor-lab-shutdown"));
        System.out.println("OPC UA endpoint: " + lab.opcUaEndpoint()
                + "  (None/anonymous on loopback; Basic256Sha256 SignAndEncrypt as '" + user
                + "', password from ATHANOR_LAB_PASSWORD" + (System.getenv("ATHANOR_LAB_PASSWORD") == null ? " (unset: 'athanor-sim')" : "") + ")");
        System.out.println("OPC UA server certificate and trust list: " + lab.opcUaServer().pkiDirectory());
        System.out.println("MQTT broker: " + lab.mqttBrokerUri() + "  (devices xrd-1, raman-1; topics lab/{id}/cmd|status|result|event)");
        System.out.println("Lab clock pace: " + pace + " lab s per wall s. Ctrl-C stops the lab.");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof BindException) {
                break;
            }
            t = t.getCause();
        }
        String m = t.getMessage();
        return (t instanceof BindException ? "port in use: " : "") + (m == null ? t.getClass().getSimpleName() : m);
    }
}
