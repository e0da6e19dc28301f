package org.athanor.agent.lab;

import java.time.Duration;
import java.util.stream.Collectors;
import org.athanor.engine.DispatchCheck;
import org.athanor.engine.DispatchVerdict;
import org.athanor.engine.StepContext;
import org.athanor.safety.Gate;
import org.athanor.safety.Verdict;
import org.athanor.safety.lab.LiveState;

/**
 * Re-vets every step just before it is sent, against the live state of the lab (RULES.md §7). Only an approved step
 * proceeds, and it proceeds with the fresh token the gate issued for it.
 */
final class GateDispatchCheck implements DispatchCheck {

    /** Room temperature for a crucible outside every furnace (it sits on the rack, the mill or the diffractometer). */
    private static final double ROOM_C = 25.0;
    private static final Duration RETRY = Duration.ofMinutes(1);
    /** Four hours of lab time at one check a minute. */
    static final int WAITS_BEFORE_PAUSE = 240;

    private final Gate gate;
    private final LiveStateReader live;
    private final ApprovalBook approvals;

    GateDispatchCheck(Gate gate, LiveStateReader live, ApprovalBook approvals) {
        this.gate = gate;
        this.live = live;
        this.approvals = approvals;
    }

    @Override
    public DispatchVerdict check(StepContext context) {
        LiveState state = live.read();
        String sample = context.step().sample();
        if (sample != null && !state.crucibleTemperaturesC().containsKey(sample)) {
            state = state.withCrucible(sample, ROOM_C);
        }
        Verdict verdict = gate.vetStep(context.workflow(), context.step(), state);
        String reasons = verdict.errors().stream().map(v -> v.rule() + ": " + v.message()).collect(Collectors.joining("; "));
        return switch (verdict.decision()) {
            case APPROVED -> {
                approvals.putAll(context.workflow().id(), verdict.approvalTokens());
                yield DispatchVerdict.PROCEED;
            }
            case WAIT -> DispatchVerdict.waitFor(reasons, RETRY);
            case PAUSE -> DispatchVerdict.pause(reasons);
            case REJECTED -> DispatchVerdict.pause("the safety gate rejects step " + context.step().id() + " at dispatch: " + reasons);
        };
    }
}
