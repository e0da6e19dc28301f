package org.athanor.safety.fact;

/** A part of the workflow that cannot be read as the schema means it (a malformed parameter, an approval without a name). */
public record MalformedInput(String stepId, String problem) {
}
