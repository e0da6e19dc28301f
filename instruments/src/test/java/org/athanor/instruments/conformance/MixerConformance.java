package org.athanor.instruments.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.MixResult;
import org.athanor.instruments.Mixer;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.junit.jupiter.api.Test;

/** The contract every {@link Mixer} implementation meets. */
public abstract class MixerConformance extends CapabilityConformance {

    protected abstract Mixer mixer();

    @Override
    protected Instrument instrument() {
        return mixer();
    }

    @Test
    void mixesTheApprovedSample() {
        String sample = sampleFor(mixer().id());
        MixResult r = await(mixer().mix(approve(step(newStepId("mix"), Action.MIX, mixer().id(), sample,
                Map.of("duration", Quantity.of(5, "min"), "method", "ball-mill")))));
        assertThat(r.completed()).isTrue();
        assertThat(r.sample()).isEqualTo(sample);
    }

    @Test
    void refusesMixingLongerThanTheMillAllows() {
        ApprovedStep longMix = approve(step(newStepId("mix"), Action.MIX, mixer().id(), sampleFor(mixer().id()),
                Map.of("duration", Quantity.of(3, "h"), "method", "ball-mill")));
        assertThatThrownBy(() -> mixer().mix(longMix)).isInstanceOf(CommandRejectedException.class).hasMessageContaining("exceeds");
        assertNeverReachedDevice(longMix.command().commandId());
    }

    @Test
    void refusesADispenseStepSentToTheMill() {
        ApprovedStep wrong = approve(step(newStepId("dispense"), Action.DISPENSE, mixer().id(), "S-x",
                Map.of("material", "TiO2", "mass", Quantity.of(1, "g"))));
        assertThatThrownBy(() -> mixer().mix(wrong)).isInstanceOf(CommandRejectedException.class).hasMessageContaining("not mix");
    }
}
