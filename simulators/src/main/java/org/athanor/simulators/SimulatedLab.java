package org.athanor.simulators;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.LabClock;
import org.athanor.simulators.furnace.FurnaceSpec;
import org.athanor.simulators.lab.Dispenser;
import org.athanor.simulators.lab.Furnace;
import org.athanor.simulators.lab.LabContext;
import org.athanor.simulators.lab.LabEvents;
import org.athanor.simulators.lab.Mixer;
import org.athanor.simulators.lab.SynthesisInstrument;
import org.athanor.simulators.lab.TransferRobot;
import org.athanor.simulators.mqtt.Diffractometer;
import org.athanor.simulators.mqtt.EmbeddedBroker;
import org.athanor.simulators.mqtt.MqttDevice;
import org.athanor.simulators.mqtt.RamanSpectrometer;
import org.athanor.simulators.opcua.LabOpcUaServer;
import org.athanor.simulators.raman.RamanModes;
import org.athanor.simulators.raman.RamanSimulator;
import org.athanor.simulators.world.SynthesisWorld;
import org.athanor.simulators.xrd.PhaseLibrary;

/**
 * The whole default simulated lab (../shared/safety/RULES.md §1): dispenser-1, mill-1, robot-1, box-furnace-1,
 * box-furnace-2 and tube-furnace-1 on one OPC UA server; xrd-1 and raman-1 as MQTT 5 devices on the embedded HiveMQ
 * broker (or an external one). Physics runs on the options' {@link LabClock}; a light ticker (every 100 ms of wall
 * time) brings instruments up to the clock so programs finish even when nobody reads.
 */
public final class SimulatedLab implements AutoCloseable {

    private final SynthesisWorld world;
    private final LabEvents events;
    private final LabClock clock;
    private final Map<String, SynthesisInstrument> synthesis;
    private final Map<String, MqttDevice> devices;
    private final LabOpcUaServer opcUa;
    private final EmbeddedBroker broker;
    private final String brokerUri;
    private final ScheduledExecutorService ticker;
    private final Faults faults;

    private SimulatedLab(SynthesisWorld world, LabEvents events, LabClock clock, Map<String, SynthesisInstrument> synthesis,
                         Map<String, MqttDevice> devices, LabOpcUaServer opcUa, EmbeddedBroker broker, String brokerUri,
                         ScheduledExecutorService ticker) {
        this.world = world;
        this.events = events;
        this.clock = clock;
        this.synthesis = synthesis;
        this.devices = devices;
        this.opcUa = opcUa;
        this.broker = broker;
        this.brokerUri = brokerUri;
        this.ticker = ticker;
        this.faults = new Faults(synthesis, devices);
    }

    public static SimulatedLab start(SimulatedLabOptions options) throws Exception {
        SynthesisWorld world = new SynthesisWorld(options.inventoryGrams(), options.crucibles(), options.seed());
        LabEvents events = new LabEvents();
        LabContext lab = new LabContext(options.clock(), world, options.approvals(), events, new Random(options.seed()));
        Path dataDir = options.dataDir().orElse(null);
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("athanor-lab-");
        }
        Files.createDirectories(dataDir);

        Map<String, SynthesisInstrument> synthesis = new LinkedHashMap<>();
        Map<String, Furnace> furnaces = new LinkedHashMap<>();
        for (FurnaceSpec spec : List.of(FurnaceSpec.boxFurnace("box-furnace-1"), FurnaceSpec.boxFurnace("box-furnace-2"),
                FurnaceSpec.tubeFurnace("tube-furnace-1"))) {
            furnaces.put(spec.id(), new Furnace(spec, lab));
        }
        synthesis.put("dispenser-1", new Dispenser("dispenser-1", lab));
        synthesis.put("mill-1", new Mixer("mill-1", lab));
        Set<String> locations = Set.of("rack", "dispenser-1", "mill-1", "box-furnace-1", "box-furnace-2", "tube-furnace-1",
                "xrd-1", "raman-1");
        synthesis.put("robot-1", new TransferRobot("robot-1", lab, furnaces, locations));
        synthesis.putAll(furnaces);

        List<AutoCloseable> started = new ArrayList<>();
        try {
            LabOpcUaServer opcUa;
            EmbeddedBroker broker = null;
            String brokerUri;
            // A free port is free only until someone binds it: two labs starting at once (two campaigns) were handed the
            // same one. Labs on this machine take turns from choosing their ports to listening on them.
            try (PortTurn turn = PortTurn.take()) {
                int opcPort = options.opcUaPort() == 0 ? freePort(options.bindAddress()) : options.opcUaPort();
                opcUa = LabOpcUaServer.start(options.bindAddress(), opcPort, dataDir.resolve("opcua"),
                        options.opcUaUsers(), List.copyOf(synthesis.values()));
                started.add(opcUa);
                if (options.externalBrokerUri().isPresent()) {
                    brokerUri = options.externalBrokerUri().get();
                } else {
                    int mqttPort = options.mqttPort() == 0 ? freePort(options.bindAddress()) : options.mqttPort();
                    broker = EmbeddedBroker.start(options.bindAddress(), mqttPort, dataDir);
                    started.add(broker);
                    brokerUri = broker.uri();
                }
            }
            Map<String, MqttDevice> devices = new LinkedHashMap<>();
            devices.put("xrd-1", new Diffractometer("xrd-1", brokerUri, lab, PhaseLibrary.load().calculator()));
            devices.put("raman-1", new RamanSpectrometer("raman-1", brokerUri, lab, new RamanSimulator(RamanModes.load())));
            for (MqttDevice d : devices.values()) {
                started.add(d);
                d.connect();
            }
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "athanor-lab-ticker");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> synthesis.values().forEach(SynthesisInstrument::advance), 100, 100, TimeUnit.MILLISECONDS);
            return new SimulatedLab(world, events, options.clock(), synthesis, devices, opcUa, broker, brokerUri, ticker);
        } catch (Exception | Error e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The OPC UA endpoint, e.g. {@code opc.tcp://127.0.0.1:4840/athanor}. */
    public String opcUaEndpoint() {
        return opcUa.endpointUrl();
    }

    /** The MQTT broker address, e.g. {@code tcp://127.0.0.1:1883}. */
    public String mqttBrokerUri() {
        return brokerUri;
    }

    public SynthesisWorld world() {
        return world;
    }

    public Faults faults() {
        return faults;
    }

    public LabEvents events() {
        return events;
    }

    public LabClock clock() {
        return clock;
    }

    public LabOpcUaServer opcUaServer() {
        return opcUa;
    }

    public SynthesisInstrument instrument(String id) {
        SynthesisInstrument it = synthesis.get(id);
        if (it == null) {
            throw new IllegalArgumentException("no OPC UA instrument '" + id + "'");
        }
        return it;
    }

    public MqttDevice device(String id) {
        MqttDevice d = devices.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no MQTT device '" + id + "'");
        }
        return d;
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        Exception failure = null;
        List<AutoCloseable> toClose = new ArrayList<>(devices.values());
        toClose.add(opcUa);
        if (broker != null) {
            toClose.add(broker);
        }
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static int freePort(String bindAddress) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(bindAddress))) {
            return s.getLocalPort();
        }
    }
}
