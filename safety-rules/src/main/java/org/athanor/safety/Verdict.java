package org.athanor.safety;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's answer. {@code approvalTokens} maps step id to the token a driver needs; it is filled only for an approved
 * workflow (plan time) or an approved step (dispatch time).
 */
public record Verdict(Decision decision, List<Violation> violations, String ruleSetVersion, String inputsHash,
                      Map<String, String> approvalTokens) {

    /** approved and rejected at plan time; at dispatch also wait (hold the step) and pause (hold the run). */
    public enum Decision {
        APPROVED, REJECTED, WAIT, PAUSE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        violations = List.copyOf(violations);
        approvalTokens = Map.copyOf(approvalTokens);
    }

    public boolean approved() {
        return decision == Decision.APPROVED;
    }

    public List<Violation> errors() {
        return violations.stream().filter(Violation::blocks).toList();
    }

    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.blocks()).toList();
    }

    /** The decision the violations call for: any rejecting error rejects, else pause beats wait. */
    static Decision decide(List<Violation> violations) {
        boolean pause = false;
        boolean wait = false;
        for (Violation v : violations) {
            if (!v.blocks()) {
                continue;
            }
            switch (v.remedy()) {
                case PAUSE -> pause = true;
                case WAIT -> wait = true;
                default -> {
                    return Decision.REJECTED;
                }
            }
        }
        return pause ? Decision.PAUSE : wait ? Decision.WAIT : Decision.APPROVED;
    }
}
