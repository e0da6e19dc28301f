package org.athanor.agent.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.athanor.clock.LabClock;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.Engine;
import org.athanor.engine.EngineConfig;
import org.athanor.engine.Journal;
import org.athanor.engine.Reconciler;
import org.athanor.engine.Reconciliation;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.analysis.raman.RamanAnalyzer;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.instruments.config.InstrumentKind;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.Protocol;
import org.athanor.instruments.lab.LabDrivers;
import org.athanor.safety.Gate;
import org.athanor.safety.audit.AuditLog;
import org.athanor.safety.audit.JsonLinesAuditLog;
import org.athanor.safety.lab.LabState;
import org.athanor.simulators.SimulatedLab;
import org.athanor.simulators.SimulatedLabOptions;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * A lab ready to run workflows: instrument drivers connected over OPC UA and MQTT, the safety gate, and the engine
 * with one handler per step kind. {@link #simulated} starts the simulated lab in-process first (a dry run); the
 * drivers cannot tell it from hardware.
 */
public final class LabSession implements AutoCloseable {

    private final SimulatedLab simulated;
    private final LabConfig config;
    private final LabDrivers drivers;
    private final Gate gate;
    private final LabState labState;
    private final Engine engine;
    private final ApprovalBook approvals;
    private final MeasurementStore measurements;
    private final LabClock clock;
    private final boolean dryRun;
    private final Map<String, String> heldSamples = new ConcurrentHashMap<>();

    private LabSession(SimulatedLab simulated, LabConfig config, LabDrivers drivers, Gate gate, LabState labState, Engine engine,
                       ApprovalBook approvals, MeasurementStore measurements, LabClock clock, boolean dryRun) {
        this.simulated = simulated;
        this.config = config;
        this.drivers = drivers;
        this.gate = gate;
        this.labState = labState;
        this.engine = engine;
        this.approvals = approvals;
        this.measurements = measurements;
        this.clock = clock;
        this.dryRun = dryRun;
    }

    /**
     * What a simulated session needs: seed, pace, where its files go, the XRD phase library, the journal, and the lab
     * time its clock starts at (a resumed run starts where its journal ended, so lab time never runs backwards).
     */
    public record Options(long seed, double pace, Path dataDirectory, PhaseIdentifier identifier, Journal journal,
                          Consumer<String> log, Instant labStart) {

        /** Any fixed instant will do: it makes dry runs reproducible to the second. */
        public static final Instant DEFAULT_LAB_START = Instant.parse("2026-01-05T08:00:00Z");

        public Options(long seed, double pace, Path dataDirectory, PhaseIdentifier identifier, Journal journal,
                       Consumer<String> log) {
            this(seed, pace, dataDirectory, identifier, journal, log, DEFAULT_LAB_START);
        }
    }

    /** Starts the default simulated lab on free loopback ports and connects to it as to real hardware. */
    public static LabSession simulated(Options o) throws Exception {
        LabClock clock = new ScaledClock(o.labStart(), o.pace());
        // Starting servers and connecting drivers is setting up, not lab work: lab time stands still meanwhile, so a
        // resumed run goes on from the last journaled instant instead of some hundred lab hours later.
        LabClock.Section starting = clock.computing();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        ApprovalTokens tokens = new ApprovalTokens(secret);
        Path simDir = Files.createDirectories(o.dataDirectory().resolve("simulated-lab"));
        o.log().accept("starting the simulated lab (OPC UA server, MQTT broker, instruments)...");
        SimulatedLab lab = SimulatedLab.start(SimulatedLabOptions.defaults()
                .withPorts(0, 0)
                .withClock(clock)
                .withSeed(o.seed())
                .withDataDir(simDir));
        try {
            LabConfig config = LabConfig.defaultLab()
                    .withProtocolEndpoint(Protocol.OPCUA, lab.opcUaEndpoint())
                    .withProtocolEndpoint(Protocol.MQTT, lab.mqttBrokerUri());
            o.log().accept("OPC UA " + lab.opcUaEndpoint() + ", MQTT " + lab.mqttBrokerUri() + "; connecting drivers...");
            DriverOptions driverOptions = DriverOptions.defaults().withClock(clock).withCommandTimeout(Duration.ofSeconds(30));
            LabDrivers drivers = LabDrivers.open(config, tokens, driverOptions);
            AuditLog audit = new JsonLinesAuditLog(o.dataDirectory().resolve("audit.jsonl"));
            Gate gate = Gate.standard(tokens, audit);
            LabState labState = LabState.defaultSimulatedLab();
            ApprovalBook approvals = new ApprovalBook();
            MeasurementStore store = new MeasurementStore();
            var live = new LiveStateReader(labState, drivers.all().stream()
                    .collect(java.util.stream.Collectors.toMap(i -> i.id(), i -> i)), clock);
            EngineConfig.Builder engine = Engine.builder()
                    .clock(clock)
                    .journal(o.journal())
                    .dispatchCheck(new GateDispatchCheck(gate, live, approvals))
                    // A step waits, re-checked each lab minute, while e.g. a furnace cools to loading temperature: from
                    // the 100 °C at which a program ends to 40 °C takes ≈ 80 min (τ ≈ 50 min, WORLD.md). Pause only after 4 h.
                    .maxWaits(GateDispatchCheck.WAITS_BEFORE_PAUSE)
                    .handler(new SynthesisHandlers.Dispense(drivers, approvals, driverOptions))
                    .handler(new SynthesisHandlers.Mix(drivers, approvals, driverOptions))
                    .handler(new SynthesisHandlers.Move(drivers, approvals, driverOptions))
                    .handler(new SynthesisHandlers.Heat(drivers, approvals, driverOptions))
                    .handler(new CharacterisationHandlers.Xrd(drivers, approvals, driverOptions, store))
                    .handler(new CharacterisationHandlers.Raman(drivers, approvals, driverOptions, store))
                    .handler(new CharacterisationHandlers.Analyze(o.identifier(), RamanAnalyzer.withShippedReferences(), store))
                    .handler(new CharacterisationHandlers.Wait());
            return new LabSession(lab, config, drivers, gate, labState, engine.build(), approvals, store, clock, true);
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        } finally {
            starting.close();
        }
    }

    public Gate gate() {
        return gate;
    }

    /** The lab as the gate sees it at plan time, with the samples earlier workflows left in it. */
    public LabState labState() {
        return heldSamples.isEmpty() ? labState : labState.withSamples(Map.copyOf(heldSamples));
    }

    /**
     * Records that the lab holds {@code sample} at {@code location} (an instrument id) after a workflow made or moved
     * it, so a follow-up workflow may measure it again without filling it (the gate still refuses an unknown sample).
     */
    public void holdSample(String sample, String location) {
        heldSamples.put(sample, location);
    }

    public LabConfig config() {
        return config;
    }

    /**
     * The materials the simulated lab stocks: the chemistries its world simulates. The lab's configuration (what the
     * planner plans with) lists more, which a dry run cannot dispense.
     */
    public java.util.Set<String> simulatedStock() {
        return simulated.world().inventoryGrams().keySet();
    }

    public Engine engine() {
        return engine;
    }

    public ApprovalBook approvals() {
        return approvals;
    }

    public MeasurementStore measurements() {
        return measurements;
    }

    public LabClock clock() {
        return clock;
    }

    /** The simulated lab's hidden ground truth (for tests that check the report against what was simulated). */
    public java.util.Optional<org.athanor.simulators.world.SynthesisWorld> simulatedWorld() {
        return simulated == null ? java.util.Optional.empty() : java.util.Optional.of(simulated.world());
    }

    /** Faults on demand in the simulated lab (for tests of how campaigns meet a misbehaving lab). */
    public java.util.Optional<org.athanor.simulators.Faults> simulatedFaults() {
        return simulated == null ? java.util.Optional.empty() : java.util.Optional.of(simulated.faults());
    }

    public boolean dryRun() {
        return dryRun;
    }

    /**
     * How to learn what became of a command that was in flight when an earlier process stopped. The simulated lab is
     * started afresh by each process and knows nothing of commands sent before: whatever was under way stopped with
     * the old process, so such a command was cut off, and its sample with it.
     */
    public Reconciler reconciler() {
        return c -> new Reconciliation.Interrupted("the simulated lab that ran command " + c.commandId()
                + " (step " + c.step().id() + ") stopped with the previous process");
    }

    /** The highest temperature any furnace of the lab may reach, in °C. */
    public double furnaceLimitC(String furnaceId) {
        return config.instrument(furnaceId).map(i -> i.limits().maxTemperatureC()).orElse(0.0);
    }

    public double furnaceRampLimit(String furnaceId) {
        return config.instrument(furnaceId).map(i -> i.limits().maxRampCPerMin()).orElse(0.0);
    }

    public long furnaceCount() {
        return config.ofKind(InstrumentKind.FURNACE).size();
    }

    @Override
    public void close() throws Exception {
        try {
            engine.close();
        } finally {
            try {
                drivers.close();
            } finally {
                if (simulated != null) {
                    simulated.close();
                }
            }
        }
    }
}
