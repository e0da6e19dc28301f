package org.athanor.instruments.opcua;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Command;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.Transfer;
import org.athanor.instruments.TransferResult;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.approval.ApprovalTokens;

/** {@link Transfer} over OPC UA: {@code FunctionalUnit/Transfer(commandId, approvalToken, sampleId, from, to)}. */
public final class OpcUaTransfer extends OpcUaInstrument implements Transfer {

    public OpcUaTransfer(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        super(config, approvals, options);
    }

    @Override
    protected List<String> liveNodes() {
        return List.of("state", "result", "lastCommandId", "heartbeat", "errorCode", "errorMessage");
    }

    @Override
    public CompletableFuture<TransferResult> transfer(ApprovedStep approved) {
        Command command = guard.admit(approved, Action.TRANSFER);
        String from = approved.step().text("from").orElse("rack");
        String to = approved.step().text("to").orElseThrow(() -> new CommandRejectedException(id(), command.commandId(),
                "transfer step '" + approved.step().id() + "' has no 'to' location"));
        String sample = approved.step().sample();
        return send("transfer", command, options.commandTimeout(), sample, from, to)
                .thenApply(r -> new TransferResult(command.commandId(), sample, from, to, Boolean.TRUE.equals(r.get("completed")),
                        OpcUaDispenser.duplicate(r)));
    }
}
