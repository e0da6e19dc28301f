package org.athanor.safety.fact;

/** A derived fact: this precursor belongs to this reactive or hazard group, and why. */
public record Classification(String formula, String group, String basis) {
}
