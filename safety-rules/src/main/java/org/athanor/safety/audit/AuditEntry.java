package org.athanor.safety.audit;

import java.time.Instant;
import java.util.List;
import org.athanor.safety.Verdict;
import org.athanor.safety.Violation;

/**
 * One gate decision as recorded: when, plan or dispatch, which workflow (and step at dispatch), which rule set,
 * a hash of exactly what was judged, the decision and its violations.
 */
public record AuditEntry(Instant time, String kind, String workflowId, String stepId, String ruleSetVersion,
                         String inputsHash, Verdict.Decision verdict, List<Violation> violations) {

    public AuditEntry {
        violations = List.copyOf(violations);
    }
}
