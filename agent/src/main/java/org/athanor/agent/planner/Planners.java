package org.athanor.agent.planner;

import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.chemistry.InterimChemistry;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.safety.InterimGate;
import org.athanor.agent.planner.safety.SafetyGate;

/** Wires the planner to the materials core and the safety gate for the default simulated lab. */
public final class Planners {

    private Planners() {
    }

    public static Chemistry chemistry() {
        return new InterimChemistry();
    }

    public static LabProfile lab() {
        return LabProfile.defaultSimulatedLab();
    }

    public static SafetyGate gate(LabProfile lab) {
        return new InterimGate(lab);
    }

    public static OfflinePlanner offline() {
        LabProfile lab = lab();
        return new OfflinePlanner(chemistry(), gate(lab), lab);
    }
}
