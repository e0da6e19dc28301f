package org.athanor.instruments.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.RamanSpectrometer;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.junit.jupiter.api.Test;

/** The contract every {@link RamanSpectrometer} implementation meets (with a 532 nm laser of at least 50 mW, at most 100 mW). */
public abstract class RamanConformance extends CapabilityConformance {

    protected abstract RamanSpectrometer raman();

    @Override
    protected Instrument instrument() {
        return raman();
    }

    private ApprovedStep measure(String sample, double powerMw) {
        return approve(step(newStepId("raman"), Action.RAMAN, raman().id(), sample, Map.of(
                "laserWavelength", Quantity.of(532, "nm"), "laserPower", Quantity.of(powerMw, "mW"),
                "rangeStart", Quantity.of(100, "cm-1"), "rangeEnd", Quantity.of(1800, "cm-1"),
                "exposure", Quantity.of(1, "s"))));
    }

    @Test
    void measuresASpectrumWithTheRequestedLaser() {
        String sample = sampleFor(raman().id());
        RamanSpectrum s = await(raman().measure(measure(sample, 50)));
        assertThat(s.size()).isGreaterThan(50);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.ramanShift()[i]).isGreaterThan(s.ramanShift()[i - 1]);
        }
        assertThat(s.metadata()).containsEntry("sample", sample);
        assertThat(Double.parseDouble(s.metadata().get("laserWavelengthNm"))).isBetween(531.0, 533.0);
    }

    @Test
    void refusesMoreLaserPowerThanTheSampleMayTake() {
        ApprovedStep hot = measure(sampleFor(raman().id()), 500);
        assertThatThrownBy(() -> raman().measure(hot)).isInstanceOf(CommandRejectedException.class).hasMessageContaining("exceeds");
        assertNeverReachedDevice(hot.command().commandId());
    }
}
