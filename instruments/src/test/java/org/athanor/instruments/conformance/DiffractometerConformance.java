package org.athanor.instruments.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.Diffractometer;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.junit.jupiter.api.Test;

/** The contract every {@link Diffractometer} implementation meets (a 2θ range of at least 10–80°). */
public abstract class DiffractometerConformance extends CapabilityConformance {

    protected abstract Diffractometer diffractometer();

    @Override
    protected Instrument instrument() {
        return diffractometer();
    }

    private ApprovedStep scan(String sample, double from, double to) {
        return approve(step(newStepId("xrd"), Action.XRD, diffractometer().id(), sample, Map.of(
                "twoThetaStart", Quantity.of(from, "deg"), "twoThetaEnd", Quantity.of(to, "deg"),
                "stepSize", Quantity.of(0.02, "deg"), "countTime", Quantity.of(0.5, "s"))));
    }

    @Test
    void measuresTheApprovedRangeAsAPattern() {
        String sample = sampleFor(diffractometer().id());
        XrdPattern p = await(diffractometer().measure(scan(sample, 10, 80)));
        assertThat(p.size()).isGreaterThan(100);
        assertThat(p.twoTheta()[0]).isBetween(9.9, 10.1);
        assertThat(p.twoTheta()[p.size() - 1]).isBetween(79.9, 80.1);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.twoTheta()[i]).isGreaterThan(p.twoTheta()[i - 1]);
        }
        assertThat(java.util.Arrays.stream(p.intensity()).min().orElse(-1)).isGreaterThanOrEqualTo(0);
        assertThat(p.metadata()).containsEntry("sample", sample).containsKey("commandId");
    }

    @Test
    void refusesARangeOutsideTheGoniometer() {
        ApprovedStep wide = scan(sampleFor(diffractometer().id()), 2, 150);
        assertThatThrownBy(() -> diffractometer().measure(wide)).isInstanceOf(CommandRejectedException.class).hasMessageContaining("outside");
        assertNeverReachedDevice(wide.command().commandId());
    }

    @Test
    void refusesAScanWithForgedApproval() {
        ApprovedStep real = scan(sampleFor(diffractometer().id()), 10, 40);
        ApprovedStep forged = new ApprovedStep(runId, real.step().withParam("countTime", Quantity.of(100, "s")), real.approvalToken());
        assertThatThrownBy(() -> diffractometer().measure(forged)).isInstanceOf(CommandRejectedException.class);
        assertNeverReachedDevice(forged.command().commandId());
    }
}
