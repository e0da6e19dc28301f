package org.athanor.simulators.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.athanor.clock.ScaledClock;
import org.athanor.simulators.lab.ApprovalCheck;
import org.athanor.simulators.lab.LabContext;
import org.athanor.simulators.lab.LabEvents;
import org.athanor.simulators.world.SampleSnapshot;
import org.athanor.simulators.world.SynthesisWorld;
import org.athanor.simulators.xrd.PhaseLibrary;
import org.athanor.workflow.Atmosphere;
import org.junit.jupiter.api.Test;

/** The diffractometer's counts for samples of the synthesis world (no broker needed: nothing is published). */
class DiffractometerTest {

    private final SynthesisWorld world = SynthesisWorld.withDefaults(7);
    private final LabContext lab = new LabContext(new ScaledClock(Instant.EPOCH, 1000), world, ApprovalCheck.ACCEPT_ALL,
            new LabEvents(), new Random(7));
    private final Diffractometer xrd = new Diffractometer("xrd-1", "tcp://127.0.0.1:1", lab, PhaseLibrary.load().calculator());
    private final double[] twoTheta = grid(20, 35, 0.02);

    private static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + i * step;
        }
        return g;
    }

    private SampleSnapshot fired(String id, double temperatureC, double hours) {
        Random doser = new Random(2);
        world.dispense(id, "BaCO3", 1973.4, doser);
        world.dispense(id, "TiO2", 798.7, doser);
        world.mix(id, 1800, "ball-mill");
        for (int i = 0; i < hours / 0.05; i++) {
            world.expose(id, temperatureC, Atmosphere.AIR, 0.05);
        }
        return world.snapshot(id);
    }

    private double maxNear(double[] counts, double centreDeg) {
        double max = 0;
        for (int i = 0; i < twoTheta.length; i++) {
            if (Math.abs(twoTheta[i] - centreDeg) < 0.3) {
                max = Math.max(max, counts[i]);
            }
        }
        return max;
    }

    private double background(double[] counts) {
        return maxNear(counts, 21.0);
    }

    @Test
    void aColdFiringStillShowsWitheriteAndRutile() {
        double[] counts = xrd.counts(fired("cold", 800, 1), twoTheta, 1.0, new Random(1));
        assertThat(maxNear(counts, 23.9)).as("witherite (111)").isGreaterThan(5 * background(counts));
        assertThat(maxNear(counts, 27.45)).as("rutile (110)").isGreaterThan(5 * background(counts));
    }

    @Test
    void aHotLongFiringShowsOnlyBariumTitanate() {
        double[] counts = xrd.counts(fired("hot", 1150, 4), twoTheta, 1.0, new Random(1));
        double perovskite = maxNear(counts, 31.55);
        assertThat(perovskite).isGreaterThan(20 * background(counts));
        assertThat(maxNear(counts, 23.9)).as("no witherite left").isLessThan(2 * background(counts));
        assertThat(maxNear(counts, 27.45)).as("no rutile left").isLessThan(2 * background(counts));
    }

    @Test
    void countsScaleWithCountTimeAndCarryPoissonNoise() {
        SampleSnapshot s = fired("noise", 1150, 4);
        double[] a = xrd.counts(s, twoTheta, 1.0, new Random(1));
        double[] b = xrd.counts(s, twoTheta, 1.0, new Random(2));
        double[] longer = xrd.counts(s, twoTheta, 4.0, new Random(1));
        assertThat(a).isNotEqualTo(b);
        assertThat(maxNear(longer, 31.55)).isBetween(3.5 * maxNear(a, 31.55), 4.5 * maxNear(a, 31.55));
        for (double c : a) {
            assertThat(c).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(c));
        }
    }
}
