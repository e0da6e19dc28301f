package org.athanor.agent.lab;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The approval tokens the safety gate issued, by workflow (run) id and step id. The plan-time vet fills it; the
 * dispatch-time re-vet replaces a step's token with a fresh one; handlers read it to build the driver command.
 */
public final class ApprovalBook {

    private final Map<String, Map<String, String>> tokens = new ConcurrentHashMap<>();

    public void putAll(String workflowId, Map<String, String> stepTokens) {
        tokens.computeIfAbsent(workflowId, k -> new ConcurrentHashMap<>()).putAll(stepTokens);
    }

    public Optional<String> token(String workflowId, String stepId) {
        return Optional.ofNullable(tokens.getOrDefault(workflowId, Map.of()).get(stepId));
    }

    public void forget(String workflowId) {
        tokens.remove(workflowId);
    }
}
