package org.athanor.safety.fact;

import java.util.Set;

/** The formulas on the lab's shelf. */
public record Inventory(Set<String> formulas, String source) {
}
