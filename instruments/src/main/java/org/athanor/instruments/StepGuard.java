package org.athanor.instruments;

import java.util.Optional;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * The checks a driver makes before anything goes on the wire (RULES.md §8, defence in depth): the step carries the
 * gate's approval for exactly these parameters in this run, it names this instrument, its action is one this
 * instrument performs, and its parameters lie inside the instrument's configured envelope. Any failure is a
 * {@link CommandRejectedException}; nothing is sent.
 */
public final class StepGuard {

    private final ApprovalTokens approvals;
    private final InstrumentConfig instrument;

    public StepGuard(ApprovalTokens approvals, InstrumentConfig instrument) {
        this.approvals = approvals;
        this.instrument = instrument;
    }

    /** Verifies {@code approved} for {@code expected}; returns the command to send. */
    public Command admit(ApprovedStep approved, Action expected) {
        return admit(approved, expected, null);
    }

    /** As {@link #admit(ApprovedStep, Action)}, for an auxiliary command named by {@code suffix}; any action is allowed. */
    public Command admitAuxiliary(ApprovedStep approved, String suffix) {
        return admit(approved, null, suffix);
    }

    private Command admit(ApprovedStep approved, Action expected, String suffix) {
        Command command = suffix == null ? approved.command() : approved.command(suffix);
        String id = instrument.id();
        if (approved.approvalToken() == null || approved.approvalToken().isBlank()) {
            throw new CommandRejectedException(id, command.commandId(), "step '" + approved.step().id()
                    + "' carries no approval token from the safety gate");
        }
        if (!approvals.verify(approved.runId(), approved.step(), approved.approvalToken())) {
            throw new CommandRejectedException(id, command.commandId(), "the approval token was not issued for step '"
                    + approved.step().id() + "' of run " + approved.runId() + " with these parameters");
        }
        if (expected != null) {
            if (!id.equals(approved.step().instrument())) {
                throw new CommandRejectedException(id, command.commandId(), "step '" + approved.step().id()
                        + "' is for instrument '" + approved.step().instrument() + "'");
            }
            if (approved.step().action() != expected) {
                throw new CommandRejectedException(id, command.commandId(), "step '" + approved.step().id() + "' is a "
                        + approved.step().action().json() + " step, not " + expected.json());
            }
            Optional<String> outside = Envelope.violation(approved.step(), instrument);
            if (outside.isPresent()) {
                throw new CommandRejectedException(id, command.commandId(), outside.get());
            }
        }
        return command;
    }
}
