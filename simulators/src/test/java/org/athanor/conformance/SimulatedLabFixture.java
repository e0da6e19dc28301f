package org.athanor.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.Protocol;
import org.athanor.instruments.lab.LabDrivers;
import org.athanor.simulators.SimulatedLab;
import org.athanor.simulators.SimulatedLabOptions;
import org.athanor.simulators.lab.ApprovalCheck;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * The real simulated lab (simulators' {@link SimulatedLab}: Milo server, embedded HiveMQ, MQTT devices, lab clock at
 * 100 000×), started once per test JVM, with the drivers opened on the default lab configuration pointed at its
 * ports. The lab verifies approval tokens itself too: every step approved here is registered so the devices can look
 * a command id ({@code <runId>/<stepId>[/suffix]}) up.
 */
final class SimulatedLabFixture {

    static final ApprovalTokens APPROVALS = new ApprovalTokens("conformance-approval-secret".getBytes(StandardCharsets.UTF_8));
    private static final Map<String, ApprovalCheck.ApprovedStep> ISSUED = new ConcurrentHashMap<>();
    private static SimulatedLabFixture shared;
    private static RuntimeException failed;

    final SimulatedLab lab;
    final LabDrivers drivers;

    private SimulatedLabFixture() throws Exception {
        ApprovalCheck check = ApprovalCheck.verifying(APPROVALS, SimulatedLabFixture::lookup);
        SimulatedLabOptions o = SimulatedLabOptions.forTests(100_000).withApprovals(check);
        // Every conformance test doses a fresh sample, each in its own crucible: stock more than the default rack.
        o = new SimulatedLabOptions(o.bindAddress(), o.opcUaPort(), o.mqttPort(), o.externalBrokerUri(), o.clock(), o.seed(),
                o.inventoryGrams(), Map.of("alumina", 500, "platinum", 4, "quartz", 4, "zirconia", 4), o.opcUaUsers(),
                o.approvals(), o.dataDir());
        lab = SimulatedLab.start(o);
        LabConfig config = LabConfig.defaultLab()
                .withProtocolEndpoint(Protocol.OPCUA, lab.opcUaEndpoint())
                .withProtocolEndpoint(Protocol.MQTT, lab.mqttBrokerUri());
        drivers = LabDrivers.open(config, APPROVALS, DriverOptions.defaults().withClock(lab.clock()));
    }

    static synchronized SimulatedLabFixture shared() {
        if (failed != null) {
            throw failed;
        }
        if (shared == null) {
            try {
                shared = new SimulatedLabFixture();
            } catch (Exception e) {
                failed = new IllegalStateException("simulated lab did not start: " + e.getMessage(), e);
                throw failed;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.drivers.close();
                try {
                    shared.lab.close();
                } catch (Exception ignored) {
                    // exiting anyway
                }
            }));
        }
        return shared;
    }

    private static Optional<ApprovalCheck.ApprovedStep> lookup(String commandId) {
        ApprovalCheck.ApprovedStep exact = ISSUED.get(commandId);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = commandId.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(ISSUED.get(commandId.substring(0, slash)));
    }

    static ApprovedStep approve(String runId, Step step) {
        ApprovedStep approved = new ApprovedStep(runId, step, APPROVALS.issue(runId, step));
        ISSUED.put(approved.command().commandId(), new ApprovalCheck.ApprovedStep(runId, step));
        return approved;
    }

    /** A fresh sample with 300 mg of TiO2, moved to {@code location} ("rack" leaves it where the doser put it). */
    String sampleAt(String location) {
        String run = "prep-" + UUID.randomUUID().toString().substring(0, 8);
        String sample = "S-" + UUID.randomUUID().toString().substring(0, 8);
        Step dose = new Step("dose", Action.DISPENSE, "dispenser-1", sample, null, Map.of())
                .withParam("material", "TiO2").withParam("mass", Quantity.of(300, "mg"));
        get(drivers.dispenser("dispenser-1").dispense(approve(run, dose)));
        move(run, sample, lab.world().location(sample), location);
        return sample;
    }

    /** Moves a sample, retrying while the robot refuses because a furnace is still hot or busy (bounded). */
    void move(String run, String sample, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int attempt = 0; ; attempt++) {
            Step transfer = new Step("move-" + attempt + "-" + to, Action.TRANSFER, "robot-1", sample, null, Map.of())
                    .withParam("from", from).withParam("to", to);
            try {
                get(drivers.transfer("robot-1").transfer(approve(run, transfer)));
                return;
            } catch (CommandRejectedException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static <T> T get(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
