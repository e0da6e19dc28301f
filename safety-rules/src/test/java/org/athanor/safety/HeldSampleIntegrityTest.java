package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import java.util.Map;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

/**
 * Workflow integrity (RULES.md §6) for a follow-up workflow on a sample an earlier workflow made: the lab holds it, so
 * it may be moved and measured again; a sample the lab does not hold is still refused, and a held sample is never
 * heated or mixed by a workflow whose dispense steps the gate cannot see.
 */
class HeldSampleIntegrityTest {

    private static final String FILLED = "A step acts only on a sample that was filled before it";

    private final Gate gate = gate();
    private final LabState lab = LabState.defaultSimulatedLab().withSamples(Map.of("S1-e3", "xrd-1"));

    private static Workflow remeasure(String sample) {
        return workflow("BaTiO3", xrd("x", sample, 10, 80), after(transfer("t", sample, "raman-1"), "x"),
                after(raman("r", sample, 785, 50), "t"));
    }

    @Test
    void aSampleTheLabHoldsMayBeMeasuredAndMovedAgainWithoutADispense() {
        Verdict v = gate.vet(remeasure("S1-e3"), lab);
        assertThat(v.errors()).isEmpty();
        assertThat(v.approved()).isTrue();
    }

    @Test
    void aSampleTheLabDoesNotHoldIsStillRejected() {
        Verdict v = gate.vet(remeasure("S1-e4"), lab);
        assertThat(errorRules(v)).containsOnly(FILLED);
        assertThat(v.errors()).extracting(Violation::step).containsExactlyInAnyOrder("x", "t", "r");
        assertThat(v.errors().get(0).message()).contains("S1-e4").contains("holds no such sample");
    }

    @Test
    void withoutHeldSamplesAReMeasurementIsRejectedAsBefore() {
        assertThat(errorRules(gate.vet(remeasure("S1-e3"), LabState.defaultSimulatedLab()))).containsOnly(FILLED);
    }

    @Test
    void aHeldSampleIsNeverHeatedWithoutItsFillingInTheWorkflow() {
        Verdict v = gate.vet(workflow("BaTiO3", heatAir("h", "S1-e3", 1100)), lab);
        assertThat(errorRules(v)).contains(FILLED);
        assertThat(v.errors()).filteredOn(e -> e.rule().equals(FILLED)).first()
                .satisfies(e -> assertThat(e.message()).contains("not heated again"));
    }

    @Test
    void aHeldSampleIsNeverMixedWithoutItsFillingInTheWorkflow() {
        assertThat(errorRules(gate.vet(workflow("BaTiO3", mix("m", "S1-e3", 10)), lab))).containsOnly(FILLED);
    }

    @Test
    void heldSamplesChangeTheLabHashSoTheAuditTellsTheVerdictsApart() {
        Verdict held = gate.vet(remeasure("S1-e3"), lab);
        Verdict other = gate.vet(remeasure("S1-e3"), lab.withSamples(Map.of("S1-e3", "raman-1")));
        assertThat(held.inputsHash()).isNotEqualTo(other.inputsHash());
    }
}
