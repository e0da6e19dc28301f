package org.athanor.agent.planner.safety;

/** One violation the safety gate reported: rule id, severity ("error" blocks, "warning" informs), step, reason, source. */
public record Finding(String rule, String severity, String step, String message, String source) {

    public boolean isError() {
        return "error".equalsIgnoreCase(severity);
    }
}
