package org.athanor.simulators.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.athanor.clock.ScaledClock;
import org.athanor.simulators.lab.ApprovalCheck;
import org.athanor.simulators.lab.LabContext;
import org.athanor.simulators.lab.LabEvents;
import org.athanor.simulators.world.SampleSnapshot;
import org.athanor.simulators.world.SynthesisWorld;
import org.athanor.simulators.xrd.PhaseLibrary;

/**
 * Measures the simulated diffractometer {@code xrd-1} with an empty holder, as a lab measures its blank once for
 * background work: 5–140° 2θ in 0.02° steps, {@value #COUNT_TIME_S} s per point. The agent keeps the result as the
 * simulated lab's blank ({@code agent/src/main/resources/org/athanor/agent/lab/xrd-1-blank.xy}).
 * <pre>./bench simulators --main org.athanor.simulators.mqtt.BlankScan OUTPUT.xy</pre>
 */
public final class BlankScan {

    static final double COUNT_TIME_S = 10;

    private BlankScan() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "xrd-1-blank.xy");
        LabContext lab = new LabContext(new ScaledClock(Instant.EPOCH, 1), SynthesisWorld.withDefaults(1),
                ApprovalCheck.ACCEPT_ALL, new LabEvents(), new Random(1));
        Diffractometer xrd = new Diffractometer("xrd-1", "tcp://127.0.0.1:1", lab, PhaseLibrary.load().calculator());
        SampleSnapshot empty = new SampleSnapshot("empty-holder", "none", "xrd-1", Map.of(), 1, List.of(), Map.of(), Map.of(), 0);
        int n = (int) Math.round((Diffractometer.MAX_TWO_THETA - Diffractometer.MIN_TWO_THETA) / 0.02) + 1;
        double[] twoTheta = new double[n];
        for (int i = 0; i < n; i++) {
            twoTheta[i] = Math.round((Diffractometer.MIN_TWO_THETA + 0.02 * i) * 1e6) / 1e6;
        }
        double[] counts = xrd.counts(empty, twoTheta, COUNT_TIME_S, new Random(20261127L));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "# xrd-1 blank: empty holder, Cu Ka, %.0f-%.0f deg 2theta, 0.02 deg steps, countTime %.0f s per point%n"
                        + "# measured on the simulated lab's diffractometer by simulators/src/test/java/org/athanor/simulators/mqtt/BlankScan.java%n",
                Diffractometer.MIN_TWO_THETA, Diffractometer.MAX_TWO_THETA, COUNT_TIME_S));
        for (int i = 0; i < n; i++) {
            text.append(String.format(Locale.ROOT, "%.2f %.0f%n", twoTheta[i], counts[i]));
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "blank", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
