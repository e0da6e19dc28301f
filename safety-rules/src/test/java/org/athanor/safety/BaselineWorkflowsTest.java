package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** A safe, ordinary workflow per chemistry passes with no error (warnings allowed where the chemistry earns them). */
class BaselineWorkflowsTest {

    private final Gate gate = gate();
    private final LabState lab = LabState.defaultSimulatedLab();

    private Verdict vet(Workflow w) {
        return gate.vet(w, lab);
    }

    @Test
    void bariumTitanateInAirIsApprovedWithoutViolations() {
        Verdict v = vet(solidState("BaTiO3", heatAir("heat", "s1", 1150), "BaCO3", "1.69", "TiO2", "0.68"));
        assertThat(v.violations()).isEmpty();
        assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
        assertThat(v.approvalTokens()).containsOnlyKeys("d1", "d2", "mix", "heat", "xrd");
    }
}
