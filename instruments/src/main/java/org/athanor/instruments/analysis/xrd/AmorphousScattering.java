package org.athanor.instruments.analysis.xrd;

import java.util.Arrays;
import org.athanor.instruments.formats.XrdPattern;

/**
 * How much of a pattern's scattering comes from X-ray amorphous material: the broad hump (several degrees wide) that
 * a glass, a gel or a poorly ordered residue adds under the Bragg peaks. The weight fractions of a whole-pattern fit
 * are fractions of the crystalline phases only, so an amorphous residue leaves them overstated; this is the warning.
 *
 * <p>After the fit, the pattern less the fitted phases' profiles (peaks with their tails) is what the crystalline
 * phases do not explain. Its running median over a window wider than a Bragg peak drops the narrow misfit at the
 * peaks and keeps the broad part; what of it stands above the diffractometer's blank (the empty holder's air scatter,
 * holder and fluorescence, measured once and scaled to the pattern's count time) is the sample's diffuse scattering.
 * The amorphous share is that / (that + fitted peaks), the degree-of-crystallinity reading of a powder pattern
 * (Ruland, Acta Cryst. 14 (1961) 1180; the "DOC" method in Madsen et al., Powder Diffraction 26 (2011) 155). Reading
 * it as a weight fraction assumes that amorphous and crystalline material scatter alike per unit mass; with no
 * internal standard it is an estimate, not a quantification. Without a blank a holder's hump looks the same (real lab
 * patterns show 20–40 % of their scattering in such humps), so no reading is made.
 */
final class AmorphousScattering {

    /** Running-median window (full width): several Bragg peak widths, well under a hump's width (FWHM 5–15°). */
    static final double MEDIAN_WINDOW_DEG = 2;
    /** Spacing of the running median's evaluations: a hump changes little over 0.1°; in between it is interpolated. */
    static final double MEDIAN_STRIDE_DEG = 0.1;

    private AmorphousScattering() {
    }

    /**
     * @param twoTheta    the pattern's 2θ grid, evenly spaced
     * @param intensity   the measured counts
     * @param phaseCurves the fitted phases' profiles on the same grid, without background
     * @param blank       the blank's counts on the same grid, scaled to the pattern's count time
     * @return diffuse / (diffuse + fitted peaks), integrated over the scanned range; 0 when there is neither
     */
    static double share(double[] twoTheta, double[] intensity, double[][] phaseCurves, double[] blank) {
        int n = intensity.length;
        double step = (twoTheta[n - 1] - twoTheta[0]) / (n - 1);
        int half = Math.max(1, (int) Math.round(MEDIAN_WINDOW_DEG / step / 2));
        double[] rest = intensity.clone();
        double peaks = 0;
        for (double[] curve : phaseCurves) {
            for (int i = 0; i < n; i++) {
                rest[i] -= curve[i];
                peaks += curve[i];
            }
        }
        int stride = Math.max(1, (int) Math.round(MEDIAN_STRIDE_DEG / step));
        double[] broad = runningMedian(rest, half, stride);
        double[] empty = runningMedian(blank, half, stride);
        double diffuse = 0;
        for (int i = 0; i < n; i++) {
            diffuse += Math.max(0, broad[i] - empty[i]);
        }
        return diffuse + peaks > 0 ? diffuse / (diffuse + peaks) : 0;
    }

    /**
     * The blank's counts on the pattern's grid, scaled from the blank's count time to the pattern's (linear
     * interpolation); null when the pattern has no count time or reaches outside the blank's range.
     */
    static double[] blankFor(XrdPattern pattern, XrdPattern blank) {
        if (!pattern.metadata().containsKey("countTime") || !pattern.radiation().equals(blank.radiation())) {
            return null;
        }
        double scale = countTime(pattern, "the pattern") / countTime(blank, "the blank");
        double[] bx = blank.twoTheta();
        double[] by = blank.intensity();
        double[] x = pattern.twoTheta();
        if (x[0] < bx[0] || x[x.length - 1] > bx[bx.length - 1]) {
            return null;
        }
        double[] out = new double[x.length];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            while (j < bx.length - 2 && bx[j + 1] < x[i]) {
                j++;
            }
            double t = (x[i] - bx[j]) / (bx[j + 1] - bx[j]);
            out[i] = scale * (by[j] + Math.max(0, Math.min(1, t)) * (by[j + 1] - by[j]));
        }
        return out;
    }

    /** The count time per point (s) from a pattern's metadata. */
    static double countTime(XrdPattern pattern, String what) {
        String value = pattern.metadata().get("countTime");
        if (value == null) {
            throw new IllegalArgumentException(what + " has no count time per point (metadata 'countTime', seconds)");
        }
        try {
            double t = Double.parseDouble(value);
            if (t > 0 && Double.isFinite(t)) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + "'s count time '" + value + "' is not a positive number of seconds");
    }

    /** The running median at every {@code stride}-th point (and the last), linearly interpolated in between. */
    private static double[] runningMedian(double[] y, int half, int stride) {
        int n = y.length;
        double[] out = new double[n];
        int previous = -1;
        for (int i = 0; ; i = Math.min(i + stride, n - 1)) {
            int from = Math.max(0, i - half);
            int to = Math.min(n, i + half + 1);
            double[] window = Arrays.copyOfRange(y, from, to);
            Arrays.sort(window);
            out[i] = window[window.length / 2];
            if (previous >= 0) {
                for (int j = previous + 1; j < i; j++) {
                    out[j] = out[previous] + (out[i] - out[previous]) * (j - previous) / (i - previous);
                }
            }
            previous = i;
            if (i == n - 1) {
                return out;
            }
        }
    }
}
