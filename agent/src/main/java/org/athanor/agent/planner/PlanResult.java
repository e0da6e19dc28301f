package org.athanor.agent.planner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.agent.planner.safety.Finding;
import org.athanor.workflow.Workflow;

/**
 * The planner's answer to one goal: an approved workflow, a workflow the gate rejected, or a refusal with its reason.
 * {@code violations} are the gate's findings on the last plan (warnings on an approved plan included).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanResult(String goal, Verdict verdict, Workflow workflow, List<Finding> violations, String reason,
                         Understanding understood, List<String> notes, String planner) {

    public PlanResult {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    public enum Verdict {
        APPROVED, REJECTED, REFUSED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean approved() {
        return verdict == Verdict.APPROVED;
    }
}
