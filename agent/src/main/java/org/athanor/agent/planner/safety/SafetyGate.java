package org.athanor.agent.planner.safety;

import org.athanor.workflow.Workflow;

/** The planner's view of the safety gate (org.athanor.safety.Gate): every plan goes through it, whatever produced it. */
public interface SafetyGate {

    GateReport vet(Workflow workflow);
}
