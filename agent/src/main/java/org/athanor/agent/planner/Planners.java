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
