package org.athanor.simulators.raman;

import java.util.Map;
import java.util.Random;

/**
 * A Raman spectrum of a phase mixture: Lorentzian lines per phase (weighted by weight fraction and cross-section),
 * a broad fluorescence background that is much stronger with a 532 nm laser than with 785 nm (the usual reason for
 * choosing 785 nm), and shot noise plus detector read noise.
 */
public final class RamanSimulator {

    /** Counts per mW·s at the top of the strongest line of a pure, strongly scattering phase. */
    static final double PEAK_COUNTS_PER_MW_S = 40;
    static final double READ_NOISE_COUNTS = 5;

    private final RamanModes modes;

    public RamanSimulator(RamanModes modes) {
        this.modes = modes;
    }

    public double[] spectrum(Map<String, Double> weightFractions, double[] shiftCm1, double laserNm, double powerMw,
                             double exposureS, Random noise) {
        double dose = powerMw * exposureS;
        double fluorescence = laserNm < 600 ? 8 : 1.5;
        double[] counts = new double[shiftCm1.length];
        for (int i = 0; i < shiftCm1.length; i++) {
            double x = shiftCm1[i];
            double signal = 0;
            for (Map.Entry<String, Double> phase : weightFractions.entrySet()) {
                double w = phase.getValue() * modes.strength(phase.getKey());
                for (RamanModes.Mode m : modes.of(phase.getKey())) {
                    double half = m.fwhmCm1() / 2;
                    signal += w * m.relativeIntensity() / 100 * half * half / ((x - m.shiftCm1()) * (x - m.shiftCm1()) + half * half);
                }
            }
            // Fluorescence: a broad rising band (a Gaussian centred far up-shift), in counts per mW·s.
            double background = fluorescence * (0.4 + Math.exp(-Math.pow((x - 2500) / 1500, 2)));
            double mean = (signal * PEAK_COUNTS_PER_MW_S + background) * dose;
            counts[i] = Math.max(0, mean + Math.sqrt(Math.max(mean, 0)) * noise.nextGaussian()
                    + READ_NOISE_COUNTS * noise.nextGaussian());
        }
        return counts;
    }
}
