package org.athanor.safety.fact;

/**
 * The step about to be sent, at dispatch time. {@code loadsInto} names the furnace a crucible goes into (a transfer's
 * {@code to} parameter when it names a furnace, or a heat step's furnace). {@code inWorkflow} is false when the step
 * differs from the one in the vetted workflow.
 */
public record DispatchFact(String runId, String stepId, String action, String instrument, String sample, String loadsInto,
                           boolean inWorkflow) {
}
