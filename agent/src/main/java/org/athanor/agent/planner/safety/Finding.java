package org.athanor.agent.planner.safety;

/** One violation the safety gate reported: rule id, severity ("error" blocks, "warning" informs), step, reason, source. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Finding(String rule, String severity, String step, String message, String source) {

    /** As a person reads it: "error furnace-limit [S1-heat]: 1450 °C exceeds box-furnace-1's 1200 °C". */
    public String describe() {
        return severity + " " + rule + (step != null ? " [" + step + "]" : "") + ": " + message;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return "error".equalsIgnoreCase(severity);
    }
}
