package org.athanor.instruments.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.DispenseResult;
import org.athanor.instruments.Dispenser;
import org.athanor.instruments.Instrument;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;

/** The contract every {@link Dispenser} implementation meets. */
public abstract class DispenserConformance extends CapabilityConformance {

    protected abstract Dispenser dispenser();

    /** A material the lab's inventory holds. */
    protected String material() {
        return "TiO2";
    }

    @Override
    protected Instrument instrument() {
        return dispenser();
    }

    private Step dose(String sample, double mg) {
        return step(newStepId("dispense"), Action.DISPENSE, dispenser().id(), sample,
                Map.of("material", material(), "mass", Quantity.of(mg, "mg")));
    }

    @Test
    void dosesTheApprovedMassAndReportsWhatTheBalanceRead() {
        String sample = sampleFor(dispenser().id());
        DispenseResult r = await(dispenser().dispense(approve(dose(sample, 250))));
        assertThat(r.completed()).isTrue();
        assertThat(r.sample()).isEqualTo(sample);
        assertThat(r.material()).isEqualTo(material());
        assertThat(r.requestedMg()).isEqualTo(250);
        // A gravimetric doser scatters around the request; 10 % is far wider than any lab doser's spec.
        assertThat(r.dispensedMg()).isBetween(225.0, 275.0);
    }

    @Test
    void repeatingTheSameStepDosesOnce() {
        ApprovedStep approved = approve(dose(sampleFor(dispenser().id()), 120));
        DispenseResult first = await(dispenser().dispense(approved));
        DispenseResult again = await(dispenser().dispense(approved));
        assertThat(again.commandId()).isEqualTo(first.commandId());
        assertThat(again.duplicate() || again.dispensedMg() == first.dispensedMg())
                .as("a repeated command is recognised, not dosed twice: %s then %s", first, again).isTrue();
    }

    @Test
    void refusesAStepChangedAfterApproval() {
        Step approvedStep = dose(sampleFor(dispenser().id()), 100);
        String token = approvals().issue(runId, approvedStep);
        Step tampered = approvedStep.withParam("mass", Quantity.of(10, "g"));
        ApprovedStep forged = new ApprovedStep(runId, tampered, token);
        assertThatThrownBy(() -> dispenser().dispense(forged)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("approval token");
        assertNeverReachedDevice(forged.command().commandId());
    }

    @Test
    void refusesAStepWithoutApproval() {
        ApprovedStep unapproved = new ApprovedStep(runId, dose(sampleFor(dispenser().id()), 100), null);
        assertThatThrownBy(() -> dispenser().dispense(unapproved)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("no approval token");
        assertNeverReachedDevice(unapproved.command().commandId());
    }

    @Test
    void refusesADoseBelowTheDosersMinimum() {
        ApprovedStep tiny = approve(dose(sampleFor(dispenser().id()), 1));
        assertThatThrownBy(() -> dispenser().dispense(tiny)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("outside");
        assertNeverReachedDevice(tiny.command().commandId());
    }

    @Test
    void refusesAStepMeantForAnotherInstrument() {
        Step other = dose(sampleFor(dispenser().id()), 100).withInstrument("dispenser-99");
        ApprovedStep approved = approve(other);
        assertThatThrownBy(() -> dispenser().dispense(approved)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("dispenser-99");
    }
}
