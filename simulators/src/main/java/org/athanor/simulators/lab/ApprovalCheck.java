package org.athanor.simulators.lab;

import java.util.Optional;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * How a simulated instrument judges a command's {@code approvalToken}. By default it accepts any (the driver is the
 * main check); a lab started with {@link #verifying} refuses a command whose token was not issued for its step.
 */
@FunctionalInterface
public interface ApprovalCheck {

    ApprovalCheck ACCEPT_ALL = (instrument, commandId, token) -> Optional.empty();

    /** Empty when the command may run; otherwise the reason it may not. */
    Optional<String> refusal(String instrumentId, String commandId, String approvalToken);

    /** The step a command id was issued for, within its run. */
    record ApprovedStep(String runId, Step step) {
    }

    /** Finds the step behind a command id (e.g. from the engine's journal). */
    @FunctionalInterface
    interface StepLookup {
        Optional<ApprovedStep> find(String commandId);
    }

    static ApprovalCheck verifying(ApprovalTokens tokens, StepLookup lookup) {
        return (instrument, commandId, token) -> {
            Optional<ApprovedStep> step = lookup.find(commandId);
            if (step.isEmpty()) {
                return Optional.of("no approved step is known for command " + commandId);
            }
            if (!tokens.verify(step.get().runId(), step.get().step(), token)) {
                return Optional.of("approval token does not match step " + step.get().step().id());
            }
            return Optional.empty();
        };
    }
}
