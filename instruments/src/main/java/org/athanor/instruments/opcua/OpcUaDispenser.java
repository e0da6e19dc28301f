package org.athanor.instruments.opcua;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Command;
import org.athanor.instruments.DispenseResult;
import org.athanor.instruments.Dispenser;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.approval.ApprovalTokens;

/** {@link Dispenser} over OPC UA: {@code FunctionalUnit/Dispense(commandId, approvalToken, sampleId, material, massMg)}. */
public final class OpcUaDispenser extends OpcUaInstrument implements Dispenser {

    public OpcUaDispenser(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        super(config, approvals, options);
    }

    @Override
    protected List<String> liveNodes() {
        return List.of("state", "result", "lastCommandId", "heartbeat", "errorCode", "errorMessage", "inventory");
    }

    @Override
    public CompletableFuture<DispenseResult> dispense(ApprovedStep approved) {
        Command command = guard.admit(approved, Action.DISPENSE);
        String material = approved.step().material().orElseThrow();
        double massMg = approved.step().quantity("mass").orElseThrow().in("mg");
        String sample = approved.step().sample();
        return send("dispense", command, options.commandTimeout(), sample, material, massMg)
                .thenApply(r -> new DispenseResult(command.commandId(), sample, material, massMg,
                        number(r.get("dispensedMg")), Boolean.TRUE.equals(r.get("completed")), r.containsKey("resultUnavailable")));
    }

    static boolean duplicate(Map<String, Object> result) {
        return result.containsKey("resultUnavailable");
    }
}
