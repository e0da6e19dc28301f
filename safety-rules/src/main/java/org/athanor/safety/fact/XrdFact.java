package org.athanor.safety.fact;

/** An XRD scan range in degrees 2θ. */
public record XrdFact(String stepId, String instrument, double startDeg, double endDeg) {
}
