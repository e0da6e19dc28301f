package org.athanor.agent.planner.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach a language model. Off unless a provider is configured. {@code openai} means any OpenAI-compatible
 * endpoint (OpenAI, vLLM, Ollama, llama.cpp server); {@code anthropic} uses Anthropic's OpenAI-compatible endpoint
 * (https://api.anthropic.com/v1/) with the same client.
 *
 * <p>Read from configuration keys {@code athanor.llm.provider|base-url|api-key|model|timeout-seconds|max-attempts}
 * (application.properties, system properties, or environment ATHANOR_LLM_PROVIDER etc.).
 */
public record LlmSettings(String provider, String baseUrl, String apiKey, String model, Duration timeout, int maxAttempts) {

    public static final String ANTHROPIC_OPENAI_COMPATIBLE_URL = "https://api.anthropic.com/v1/";

    public boolean enabled() {
        return provider != null && !provider.isBlank() && !provider.equals("none") && !provider.equals("off");
    }

    public static LlmSettings from(Function<String, Optional<String>> config) {
        String provider = config.apply("athanor.llm.provider").orElse("none");
        String defaultUrl = provider.equals("anthropic") ? ANTHROPIC_OPENAI_COMPATIBLE_URL : "http://localhost:11434/v1";
        String defaultModel = provider.equals("anthropic") ? "claude-sonnet-4-5" : "gpt-4o-mini";
        return new LlmSettings(provider,
                config.apply("athanor.llm.base-url").orElse(defaultUrl),
                config.apply("athanor.llm.api-key").orElse("not-set"),
                config.apply("athanor.llm.model").orElse(defaultModel),
                Duration.ofSeconds(Long.parseLong(config.apply("athanor.llm.timeout-seconds").orElse("60"))),
                Integer.parseInt(config.apply("athanor.llm.max-attempts").orElse("3")));
    }

    /**
     * From MicroProfile Config when the Quarkus application is running (application.properties, system properties,
     * environment), else from system properties and environment variables (athanor.llm.base-url → ATHANOR_LLM_BASE_URL).
     */
    public static LlmSettings fromEnvironment() {
        Function<String, Optional<String>> plain = key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'))));
        try {
            var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            return from(key -> config.getOptionalValue(key, String.class).or(() -> plain.apply(key)));
        } catch (IllegalStateException | NoClassDefFoundError e) {
            return from(plain);
        }
    }
}
