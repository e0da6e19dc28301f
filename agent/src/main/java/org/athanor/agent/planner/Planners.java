package org.athanor.agent.planner;

import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.chemistry.MaterialsChemistry;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.safety.DroolsSafetyGate;
import org.athanor.agent.planner.safety.SafetyGate;
import org.athanor.safety.lab.LabState;

/** Wires the planner to the materials core and the safety gate for the default simulated lab. */
public final class Planners {

    private Planners() {
    }

    private static final class Defaults {
        static final Chemistry CHEMISTRY = MaterialsChemistry.standard();
        static final LabState LAB_STATE = LabState.defaultSimulatedLab();
        static final LabProfile LAB = LabProfile.of(LAB_STATE);
        static final SafetyGate GATE = DroolsSafetyGate.standard(LAB_STATE);
    }

    public static Chemistry chemistry() {
        return Defaults.CHEMISTRY;
    }

    public static LabProfile lab() {
        return Defaults.LAB;
    }

    /** The Drools gate over the default simulated lab ({@code lab} must be {@link #lab()}). */
    public static SafetyGate gate(LabProfile lab) {
        if (lab != Defaults.LAB) {
            throw new IllegalArgumentException("the standard gate vets against the default simulated lab only");
        }
        return Defaults.GATE;
    }

    /**
     * The LLM planner when {@code athanor.llm.provider} is configured, else the offline planner (with a message); LLM
     * planning is off by default.
     */
    public static Planner llm(java.util.function.Consumer<String> log) {
        var settings = org.athanor.agent.planner.llm.LlmSettings.fromEnvironment();
        OfflinePlanner offline = offline();
        if (!settings.enabled()) {
            log.accept("athanor plan: the LLM planner is not configured (set athanor.llm.provider=openai|anthropic, athanor.llm.base-url, "
                    + "athanor.llm.api-key, athanor.llm.model); using the offline planner");
            return offline;
        }
        LabProfile lab = lab();
        return org.athanor.agent.planner.llm.LlmPlanners.create(org.athanor.agent.planner.llm.LlmPlanners.chatModel(settings), offline,
                chemistry(), gate(lab), lab, settings.maxAttempts());
    }

    public static OfflinePlanner offline() {
        LabProfile lab = lab();
        return new OfflinePlanner(chemistry(), gate(lab), lab);
    }
}
