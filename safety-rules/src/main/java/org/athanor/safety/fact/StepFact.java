package org.athanor.safety.fact;

import java.util.List;
import java.util.Set;

/**
 * A step as the integrity rules see it: its place in the list, what it acts on, and every step that must finish
 * before it ({@code ancestors}, following {@code after} or else the previous step; a step in a cycle is its own ancestor).
 */
public record StepFact(String id, int index, String action, String instrument, String sample, List<String> after,
                       Set<String> ancestors) {

    /** True when {@code other} is ordered before or after this step, so the two never run at once. */
    public boolean orderedWith(StepFact other) {
        return ancestors.contains(other.id()) || other.ancestors().contains(id);
    }
}
