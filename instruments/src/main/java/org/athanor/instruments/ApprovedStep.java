package org.athanor.instruments;

import java.util.Objects;
import org.athanor.workflow.Step;

/**
 * A workflow step as the engine hands it to a driver: the step itself (its parameters are the command's parameters,
 * so what was vetted is what is sent), the run it belongs to, and the approval token the safety gate issued for
 * exactly this step in this run ({@link org.athanor.workflow.approval.ApprovalTokens#issue}).
 *
 * <p>The command id is derived, not chosen: {@code <runId>/<stepId>}, so re-sending a step after a crash or a
 * reconnect is recognised by the device as a duplicate. Auxiliary commands on behalf of a step (a door moved for a
 * transfer) append a suffix: {@code <runId>/<stepId>/door-open}.
 */
public record ApprovedStep(String runId, Step step, String approvalToken) {

    public ApprovedStep {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(step, "step");
    }

    public Command command() {
        return new Command(runId + "/" + step.id(), approvalToken);
    }

    public Command command(String suffix) {
        return new Command(runId + "/" + step.id() + "/" + suffix, approvalToken);
    }
}
