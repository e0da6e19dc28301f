package org.athanor.instruments.analysis.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds peaks in a background-corrected signal: local maxima of the Savitzky–Golay-smoothed net signal whose height
 * stands clear of the noise. The noise model is counting-like, σᵢ = c·√yᵢ, with c calibrated from the data itself
 * (robust spread of the raw-minus-smoothed residual), so it holds for raw counts (c ≈ 1) and for scaled or summed
 * data alike.
 */
public final class PeakSearch {

    /** Median absolute deviation to standard deviation for a normal distribution. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final int smoothingHalfWidth;
    private final double minSignificance;
    private final double minRelativeHeight;
    private final int prominenceWindow;
    private final double maxFwhm;

    /**
     * @param smoothingHalfWidth Savitzky–Golay half-width in points (about half the narrowest peak's FWHM in points)
     * @param minSignificance    smallest height in noise standard deviations (3 is the usual detection limit)
     * @param minRelativeHeight  smallest height relative to the tallest peak, a floor for noise-free data
     * @param prominenceWindow   points searched on each side for the valley a peak must rise above; a few times
     *                           the broadest expected peak width, so that wiggles on a broad hump are not peaks
     * @param maxFwhm            widest feature still called a peak, on the axis's units (broader is background)
     */
    public PeakSearch(int smoothingHalfWidth, double minSignificance, double minRelativeHeight, int prominenceWindow, double maxFwhm) {
        this.maxFwhm = maxFwhm;
        this.smoothingHalfWidth = smoothingHalfWidth;
        this.minSignificance = minSignificance;
        this.minRelativeHeight = minRelativeHeight;
        this.prominenceWindow = prominenceWindow;
    }

    /**
     * @param x          axis, ascending
     * @param raw        raw signal (for the noise model)
     * @param background background under the raw signal
     */
    public List<DetectedPeak> find(double[] x, double[] raw, double[] background) {
        int n = x.length;
        double[] net = new double[n];
        for (int i = 0; i < n; i++) {
            net[i] = raw[i] - background[i];
        }
        double[] smooth = SavitzkyGolay.smooth(net, smoothingHalfWidth);
        double floor = Math.min(0, minOf(raw));
        double noiseScale = noiseScale(raw, floor) * smoothingNoiseGain(smoothingHalfWidth);
        double tallest = 0;
        for (double v : smooth) {
            tallest = Math.max(tallest, v);
        }
        List<DetectedPeak> peaks = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (!(smooth[i] > smooth[i - 1] && smooth[i] >= smooth[i + 1])) {
                continue;
            }
            double height = smooth[i];
            if (height <= minRelativeHeight * tallest) {
                continue;
            }
            double sigma = noiseScale * Math.sqrt(Math.max(raw[i] - floor, 1.0));
            // Significance is judged on the prominence (rise above the higher of the two flanking valleys), so a
            // noise wiggle on a broad hump, or on the flank of a strong peak, does not count as a peak.
            double prominence = Math.min(height, prominence(smooth, i));
            double significance = prominence / Math.max(sigma, 1e-12 * Math.max(tallest, 1e-300));
            if (significance < minSignificance) {
                continue;
            }
            double width = fwhm(x, smooth, i);
            if (width > maxFwhm) {
                continue;
            }
            peaks.add(new DetectedPeak(refinedPosition(x, smooth, i), height, width, significance));
        }
        return peaks;
    }

    private double prominence(double[] s, int i) {
        double leftMin = s[i];
        for (int k = i - 1; k >= Math.max(0, i - prominenceWindow); k--) {
            if (s[k] > s[i]) {
                break;
            }
            leftMin = Math.min(leftMin, s[k]);
        }
        double rightMin = s[i];
        for (int k = i + 1; k <= Math.min(s.length - 1, i + prominenceWindow); k++) {
            if (s[k] > s[i]) {
                break;
            }
            rightMin = Math.min(rightMin, s[k]);
        }
        return s[i] - Math.max(leftMin, rightMin);
    }

    private static double minOf(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    /**
     * c in σ = c·√y, from the median absolute lagged second difference scaled by √y: for white noise
     * yᵢ − (yᵢ₋ₗ + yᵢ₊ₗ)/2 has variance 1.5σ², and peaks, being a minority of points, barely move the median. The
     * lag ℓ (the smoothing half-width) keeps detector-correlated neighbours (oversampled scans) from hiding the noise.
     */
    private double noiseScale(double[] raw, double floor) {
        int n = raw.length;
        int lag = Math.max(1, smoothingHalfWidth);
        if (n < 2 * lag + 3) {
            lag = 1;
        }
        double[] z = new double[n - 2 * lag];
        for (int i = lag; i < n - lag; i++) {
            double second = raw[i] - 0.5 * (raw[i - lag] + raw[i + lag]);
            z[i - lag] = Math.abs(second) / Math.sqrt(Math.max(raw[i] - floor, 1.0));
        }
        Arrays.sort(z);
        return MAD_TO_SIGMA * z[z.length / 2] / Math.sqrt(1.5);
    }

    /** Noise gain of the quadratic Savitzky–Golay smoother: √(Σwᵢ²) = √w₀ for a least-squares filter. */
    private static double smoothingNoiseGain(int m) {
        if (m < 2) {
            return 1;
        }
        return Math.sqrt((3.0 * m * m + 3.0 * m - 1) / ((2.0 * m - 1) * (2.0 * m + 1) * (2.0 * m + 3) / 3.0));
    }

    private static double refinedPosition(double[] x, double[] s, int i) {
        double denom = s[i - 1] - 2 * s[i] + s[i + 1];
        double delta = denom == 0 ? 0 : 0.5 * (s[i - 1] - s[i + 1]) / denom;
        delta = Math.max(-0.5, Math.min(0.5, delta));
        double step = delta >= 0 ? x[i + 1] - x[i] : x[i] - x[i - 1];
        return x[i] + delta * step;
    }

    private static double fwhm(double[] x, double[] s, int i) {
        double half = s[i] / 2;
        int lo = i;
        while (lo > 0 && s[lo] > half) {
            lo--;
        }
        int hi = i;
        while (hi < s.length - 1 && s[hi] > half) {
            hi++;
        }
        double left = interpolateCrossing(x, s, lo, lo + 1, half);
        double right = interpolateCrossing(x, s, hi - 1, hi, half);
        return Math.max(right - left, x[Math.min(i + 1, x.length - 1)] - x[i]);
    }

    private static double interpolateCrossing(double[] x, double[] s, int a, int b, double level) {
        double ds = s[b] - s[a];
        if (ds == 0) {
            return x[a];
        }
        double t = (level - s[a]) / ds;
        t = Math.max(0, Math.min(1, t));
        return x[a] + t * (x[b] - x[a]);
    }
}
