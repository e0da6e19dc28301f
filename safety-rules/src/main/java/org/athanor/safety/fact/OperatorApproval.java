package org.athanor.safety.fact;

/** An operator's written approval to handle one toxic material in this run (workflow property {@code approvals}). */
public record OperatorApproval(String material, String by) {
}
