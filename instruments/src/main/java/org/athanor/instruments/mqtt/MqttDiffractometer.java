package org.athanor.instruments.mqtt;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Command;
import org.athanor.instruments.Diffractometer;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.approval.ApprovalTokens;

/** {@link Diffractometer} over MQTT: action {@code measure} with the xrd step's params, action {@code door} with {@code {"open"}}. */
public final class MqttDiffractometer extends MqttInstrument implements Diffractometer {

    /** Defaults when a step omits them: 0.02° steps, 1 s per step, common for a laboratory Bragg–Brentano scan. */
    private static final double DEFAULT_STEP_DEG = 0.02;
    private static final double DEFAULT_COUNT_S = 1.0;

    public MqttDiffractometer(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        super(config, approvals, options);
    }

    @Override
    public CompletableFuture<XrdPattern> measure(ApprovedStep approved) {
        Command command = guard.admit(approved, Action.XRD);
        var step = approved.step();
        double from = step.quantity("twoThetaStart").orElseThrow().in("deg");
        double to = step.quantity("twoThetaEnd").orElseThrow().in("deg");
        double stepDeg = step.quantity("stepSize").map(q -> q.in("deg")).orElse(DEFAULT_STEP_DEG);
        double countS = step.quantity("countTime").map(q -> q.in("s")).orElse(DEFAULT_COUNT_S);
        Duration lab = Duration.ofMillis((long) ((to - from) / stepDeg * countS * 1000));
        Duration timeout = options.wallTimeoutFor(lab).plus(requestTimeout());
        return request(command, "measure", step.sample(), new LinkedHashMap<>(step.params()), timeout).thenApply(r -> {
            Map<String, String> metadata = new HashMap<>();
            metadata.put("commandId", command.commandId());
            metadata.put("instrument", id());
            for (String k : new String[] {"sample", "radiation", "startTime", "endTime"}) {
                if (r.get(k) != null) {
                    metadata.put(k, r.get(k).toString());
                }
            }
            metadata.putIfAbsent("radiation", "CuKa");
            metadata.put("countTime", Double.toString(countS));
            return new XrdPattern(doubles(r.get("twoTheta"), "twoTheta", id()), doubles(r.get("intensity"), "intensity", id()), metadata);
        });
    }

    @Override
    public CompletableFuture<Void> setDoor(ApprovedStep onBehalfOf, boolean open) {
        Command command = guard.admitAuxiliary(onBehalfOf, open ? "door-open" : "door-close");
        return request(command, "door", onBehalfOf.step().sample(), Map.of("open", open), requestTimeout()).thenApply(r -> null);
    }
}
