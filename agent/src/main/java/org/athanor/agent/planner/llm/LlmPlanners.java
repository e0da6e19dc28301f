package org.athanor.agent.planner.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import org.athanor.agent.planner.OfflinePlanner;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.safety.SafetyGate;

/**
 * Builds the LLM planner with the LangChain4j {@link AiServices} builder (quarkus-langchain4j supplies the OpenAI
 * client and the AI-service machinery) rather than a {@code @RegisterAiService} bean: the provider, endpoint and
 * retries are chosen at run time from configuration, and the tests point it at a stub server on a port chosen when
 * the test starts, which a bean configured at build time cannot do.
 */
public final class LlmPlanners {

    private LlmPlanners() {
    }

    public static ChatModel chatModel(LlmSettings settings) {
        // quarkus-langchain4j supplies the HTTP client (its REST client, so a running Quarkus application is needed).
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(1)
                .temperature(0.0)
                .build();
    }

    public static LlmPlanner create(ChatModel model, OfflinePlanner fallback, Chemistry chemistry, SafetyGate gate, LabProfile lab, int maxAttempts) {
        WorkflowProposer proposer = AiServices.builder(WorkflowProposer.class)
                .chatModel(model)
                .tools(new PlannerTools(chemistry, lab, gate))
                .build();
        return new LlmPlanner(proposer, fallback, chemistry, gate, lab, maxAttempts);
    }
}
