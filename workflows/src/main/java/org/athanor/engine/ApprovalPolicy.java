package org.athanor.engine;

/**
 * Decides whether a vetted run may start at once or waits for an operator ({@link Engine#approve}).
 * Dry runs approve themselves under the default policy; runs on real hardware wait.
 */
@FunctionalInterface
public interface ApprovalPolicy {

    /** Returns true when the run may start without an operator. */
    boolean approvesItself(RunRequest request);

    ApprovalPolicy DRY_RUNS_APPROVE_THEMSELVES = RunRequest::dryRun;
    ApprovalPolicy ALWAYS = r -> true;
    ApprovalPolicy OPERATOR_ALWAYS = r -> false;
}
