package org.athanor.safety.fact;

/** The measured temperature of a sample's crucible. */
public record CrucibleStatus(String sample, double temperatureC) {
}
