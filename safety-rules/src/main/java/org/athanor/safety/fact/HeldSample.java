package org.athanor.safety.fact;

/**
 * A sample the lab already holds from an earlier workflow, named by a step of the workflow being judged. Its contents
 * were judged when it was filled; a later workflow may move and measure it, not change it (see integrity.drl).
 */
public record HeldSample(String sample, String location) {
}
