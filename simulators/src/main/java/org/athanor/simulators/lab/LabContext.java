package org.athanor.simulators.lab;

import java.util.Random;
import org.athanor.clock.LabClock;
import org.athanor.simulators.world.SynthesisWorld;

/** What every simulated instrument shares: the lab clock, the world, the approval check, the event stream, noise. */
public record LabContext(LabClock clock, SynthesisWorld world, ApprovalCheck approvals, LabEvents events, Random random) {
}
