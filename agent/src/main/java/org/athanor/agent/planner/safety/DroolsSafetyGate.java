package org.athanor.agent.planner.safety;

import java.security.SecureRandom;
import org.athanor.safety.Gate;
import org.athanor.safety.Verdict;
import org.athanor.safety.Violation;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * The planner's gate: the project's Drools rule set (org.athanor.safety.Gate) over the lab's state. The planner's
 * trial vettings are proposals, not decisions to run anything, so they are not written to the audit log; the run
 * vets the chosen workflow again, and that decision is audited.
 */
public final class DroolsSafetyGate implements SafetyGate {

    private final Gate gate;
    private final LabState lab;

    public DroolsSafetyGate(Gate gate, LabState lab) {
        this.gate = gate;
        this.lab = lab;
    }

    public static DroolsSafetyGate standard(LabState lab) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new DroolsSafetyGate(Gate.standard(new ApprovalTokens(secret), entry -> { }), lab);
    }

    @Override
    public GateReport vet(Workflow workflow) {
        Verdict verdict = gate.vet(workflow, lab);
        return new GateReport(verdict.approved(), verdict.violations().stream().map(DroolsSafetyGate::finding).toList());
    }

    private static Finding finding(Violation v) {
        return new Finding(v.rule(), v.severity().json(), v.step(), v.message(), v.source());
    }
}
