package org.athanor.instruments.opcua;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Command;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.MixResult;
import org.athanor.instruments.Mixer;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.approval.ApprovalTokens;

/** {@link Mixer} over OPC UA: {@code FunctionalUnit/Mix(commandId, approvalToken, sampleId, durationS, method)}. */
public final class OpcUaMixer extends OpcUaInstrument implements Mixer {

    /** Mixing time when a mix step names none: 10 min, a typical ball-milling homogenisation for solid-state precursors. */
    private static final Quantity DEFAULT_DURATION = Quantity.of(10, "min");

    public OpcUaMixer(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        super(config, approvals, options);
    }

    @Override
    protected List<String> liveNodes() {
        return List.of("state", "result", "lastCommandId", "heartbeat", "errorCode", "errorMessage");
    }

    @Override
    public CompletableFuture<MixResult> mix(ApprovedStep approved) {
        Command command = guard.admit(approved, Action.MIX);
        Quantity duration = approved.step().quantity("duration").orElse(DEFAULT_DURATION);
        String method = approved.step().text("method").orElse("ball-mill");
        String sample = approved.step().sample();
        double seconds = duration.in("s");
        return send("mix", command, options.wallTimeoutFor(java.time.Duration.ofMillis((long) (seconds * 1000))), sample, seconds, method)
                .thenApply(r -> new MixResult(command.commandId(), sample, Boolean.TRUE.equals(r.get("completed")),
                        OpcUaDispenser.duplicate(r)));
    }
}
