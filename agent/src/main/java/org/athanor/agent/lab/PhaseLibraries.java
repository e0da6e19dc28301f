package org.athanor.agent.lab;

import org.athanor.instruments.analysis.xrd.PhaseIdentifier;

/** The XRD phase libraries the agent identifies phases against. */
public final class PhaseLibraries {

    private PhaseLibraries() {
    }

    /** The phases the simulated lab's chemistries can produce, plus unrelated phases as distractors. */
    public static PhaseIdentifier forSimulatedLab() {
        throw new UnsupportedOperationException("phase library not wired yet");
    }
}
