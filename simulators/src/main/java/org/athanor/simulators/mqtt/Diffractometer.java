package org.athanor.simulators.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.athanor.simulators.lab.LabContext;
import org.athanor.simulators.world.SampleSnapshot;
import org.athanor.simulators.xrd.PowderPatternCalculator;

/**
 * The powder diffractometer {@code xrd-1} (Cu Kα, 2θ 5–140°, RULES.md §1). A scan takes (points × count time) of
 * lab time. Counts = phases' pattern (strongest peak ≈ 5000 counts/s for a fully crystalline sample) + air-scatter
 * background falling with 2θ + an amorphous hump for phases without a structure, with Poisson counting noise.
 */
public final class Diffractometer extends MqttDevice {

    static final double MIN_TWO_THETA = 5;
    static final double MAX_TWO_THETA = 140;
    static final double PEAK_COUNTS_PER_SECOND = 5000;
    private final PowderPatternCalculator calculator;

    public Diffractometer(String id, String brokerUri, LabContext lab, PowderPatternCalculator calculator) {
        super(id, brokerUri, lab);
        this.calculator = calculator;
    }

    @Override
    protected Duration measurementTime(JsonNode params) throws DeviceRefusal {
        Scan s = scan(params);
        return Duration.ofMillis((long) (s.points() * s.countTime() * 1000));
    }

    @Override
    protected Map<String, Object> measure(String sampleId, JsonNode params) throws DeviceRefusal {
        Scan scan = scan(params);
        if (!lab.world().hasSample(sampleId)) {
            throw new DeviceRefusal(404, "unknown sample '" + sampleId + "'");
        }
        SampleSnapshot sample = lab.world().snapshot(sampleId);
        if (sample.location().contains("furnace")) {
            throw new DeviceRefusal(409, "sample " + sampleId + " is in " + sample.location());
        }
        double[] twoTheta = new double[scan.points()];
        for (int i = 0; i < twoTheta.length; i++) {
            twoTheta[i] = Math.round((scan.start() + i * scan.step()) * 1e6) / 1e6;
        }
        double[] counts = counts(sample, twoTheta, scan.countTime(), new Random(lab.random().nextLong()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("radiation", "CuKa");
        result.put("twoTheta", twoTheta);
        result.put("intensity", counts);
        return result;
    }

    double[] counts(SampleSnapshot sample, double[] twoTheta, double countTime, Random noise) {
        Map<String, Double> crystalline = new LinkedHashMap<>();
        double amorphous = 0;
        for (Map.Entry<String, Double> e : sample.phaseWeightFractions().entrySet()) {
            if (calculator.knows(e.getKey())) {
                crystalline.put(e.getKey(), e.getValue());
            } else {
                amorphous += e.getValue();
            }
        }
        double[] raw = crystalline.isEmpty() ? new double[twoTheta.length]
                : calculator.intensities(crystalline, sample.crystalliteSizeNm(), twoTheta);
        double max = 0;
        for (double v : raw) {
            max = Math.max(max, v);
        }
        double scale = max > 0 ? PEAK_COUNTS_PER_SECOND * (1 - amorphous) / max : 0;
        double humpHeight = humpHeight(raw, max, amorphous, twoTheta);
        double[] counts = new double[twoTheta.length];
        for (int i = 0; i < twoTheta.length; i++) {
            double tt = twoTheta[i];
            double background = 40 + 160 * Math.exp(-tt / 12);
            double hump = humpHeight * humpShape(tt);
            double mean = (raw[i] * scale + background + hump) * countTime;
            counts[i] = poisson(mean, noise);
        }
        return counts;
    }

    /**
     * Peak height (counts/s) of the hump of the phases without a structure. Total scattering per unit mass does not
     * depend on order (Ruland, Acta Cryst. 14 (1961) 1180, the basis of degree-of-crystallinity readings): their mass
     * fraction scatters, over the scanned range, as much as the same mass of the crystalline part, spread into the
     * hump instead of lines. A sample with nothing crystalline gets 600 counts/s.
     */
    private static double humpHeight(double[] raw, double max, double amorphous, double[] twoTheta) {
        if (amorphous <= 0) {
            return 0;
        }
        if (max <= 0) {
            return 600 * amorphous;
        }
        double crystallinePerUnitMass = 0;
        double shape = 0;
        for (int i = 0; i < raw.length; i++) {
            crystallinePerUnitMass += raw[i] * PEAK_COUNTS_PER_SECOND / max;
            shape += humpShape(twoTheta[i]);
        }
        return shape > 0 ? amorphous * crystallinePerUnitMass / shape : 0;
    }

    /** The hump's shape: a Gaussian at 28° 2θ, σ = 6°. */
    private static double humpShape(double twoTheta) {
        return Math.exp(-0.5 * Math.pow((twoTheta - 28) / 6, 2));
    }

    private static double poisson(double mean, Random r) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private record Scan(double start, double end, double step, double countTime) {
        int points() {
            return (int) Math.floor((end - start) / step + 1e-9) + 1;
        }
    }

    private static Scan scan(JsonNode params) throws DeviceRefusal {
        double start = Params.quantity(params, "twoThetaStart", "deg", 10);
        double end = Params.quantity(params, "twoThetaEnd", "deg", 80);
        double step = Params.quantity(params, "stepSize", "deg", 0.02);
        double count = Params.quantity(params, "countTime", "s", 0.5);
        if (!(start >= MIN_TWO_THETA && end <= MAX_TWO_THETA && end > start)) {
            throw new DeviceRefusal(422, "2θ range " + start + "–" + end + "° is outside " + MIN_TWO_THETA + "–" + MAX_TWO_THETA + "°");
        }
        if (!(step >= 0.001 && step <= 1) || !(count > 0 && count <= 60)) {
            throw new DeviceRefusal(422, "step " + step + "° or count time " + count + " s is out of range");
        }
        return new Scan(start, end, step, count);
    }
}
