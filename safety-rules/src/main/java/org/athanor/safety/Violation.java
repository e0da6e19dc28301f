package org.athanor.safety;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One broken rule: the rule's name (a sentence), severity, the step it concerns (null for the whole workflow),
 * a one-sentence reason and the source of the limit. Rule consequences only ever create these.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String rule, Severity severity, String step, String message, String source, Remedy remedy) {

    static final Comparator<Violation> ORDER = Comparator.comparing(Violation::rule)
            .thenComparing(v -> v.step() == null ? "" : v.step())
            .thenComparing(Violation::message);

    public static Violation error(RuleContext rule, String step, String message, String source) {
        return new Violation(rule.getRule().getName(), Severity.ERROR, step, message, source, Remedy.REJECT);
    }

    public static Violation warning(RuleContext rule, String step, String message, String source) {
        return new Violation(rule.getRule().getName(), Severity.WARNING, step, message, source, Remedy.NONE);
    }

    /** Severity from a decision table cell ("error" or "warning"). */
    public static Violation of(RuleContext rule, String severity, String step, String message, String source) {
        Severity s = Severity.of(severity);
        return new Violation(rule.getRule().getName(), s, step, message, source, s == Severity.ERROR ? Remedy.REJECT : Remedy.NONE);
    }

    /** A dispatch-time condition that clears by itself: the step waits. */
    public static Violation waitFor(RuleContext rule, String step, String message, String source) {
        return new Violation(rule.getRule().getName(), Severity.ERROR, step, message, source, Remedy.WAIT);
    }

    /** A dispatch-time condition that needs an operator: the run pauses. */
    public static Violation pause(RuleContext rule, String step, String message, String source) {
        return new Violation(rule.getRule().getName(), Severity.ERROR, step, message, source, Remedy.PAUSE);
    }

    public boolean blocks() {
        return severity == Severity.ERROR;
    }
}
