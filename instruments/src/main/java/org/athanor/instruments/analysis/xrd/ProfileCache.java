package org.athanor.instruments.analysis.xrd;

import java.util.HashMap;
import java.util.Map;

/**
 * Phase profiles for one pattern's 2θ grid, with strain and zero shift applied by resampling instead of
 * recomputation. A uniform strain ε and zero shift z move every peak of either emission line the same way in
 * sin θ: the strained profile at 2θ equals the reference profile at 2θ′ with sin(θ′) = sin((2θ − z)/2)·(1 + ε).
 * So each phase is rendered once per crystallite size (by the crystal module's calculator) on a fine grid wide enough
 * for any allowed strain and shift, and every trial of the fit only interpolates it. The approximation neglects
 * the < 2 % change of peak width and Lorentz–polarisation factor across the shift, far below what a ±2 % strain
 * search needs. Sizes are kept on a geometric ladder (ratio {@value #SIZE_RATIO}) and blended linearly in log size.
 */
final class ProfileCache {

    private static final double SIZE_RATIO = 1.3;
    private static final double MAX_STRAIN = 0.03;
    private static final double MAX_SHIFT = 0.4;

    private final double[] sinHalf;
    private final double[] cosHalf;
    /** Base grid, uniform in sin θ so that a trial needs no trigonometry: its 2θ values, and its sin θ start and step. */
    private final double[] base;
    private final double sinStart;
    private final double sinStep;
    private final Map<LibraryPhase, Map<Integer, double[]>> rendered = new HashMap<>();
    private final String gridKey;

    /**
     * Renders kept across patterns with the same grid (an instrument measures with one scan setup): per library
     * phase (weakly held, so a dropped library frees them), the most recent few keyed by axis stretches, grid and
     * size level (≈ 0.1 MB each).
     */
    private static final int SHARED_PER_PHASE = 24;
    private static final Map<CellDeformation, Map<String, double[]>> SHARED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    ProfileCache(double[] twoTheta) {
        int n = twoTheta.length;
        sinHalf = new double[n];
        cosHalf = new double[n];
        for (int i = 0; i < n; i++) {
            double half = Math.toRadians(twoTheta[i] / 2);
            sinHalf[i] = Math.sin(half);
            cosHalf[i] = Math.cos(half);
        }
        double step = (twoTheta[n - 1] - twoTheta[0]) / (n - 1);
        double lo = Math.max(0.5, mapped(twoTheta[0] - MAX_SHIFT, -MAX_STRAIN) - 0.5);
        double hi = Math.min(179.5, mapped(twoTheta[n - 1] + MAX_SHIFT, MAX_STRAIN) + 0.5);
        double s0 = Math.sin(Math.toRadians(lo / 2));
        double s1 = Math.sin(Math.toRadians(hi / 2));
        // One base step is at most the data step (and 0.01°) in 2θ at the high-angle end, finer at low angles.
        double thetaHigh = Math.toRadians(hi / 2);
        sinStep = Math.cos(Math.min(thetaHigh, Math.toRadians(80))) * Math.toRadians(Math.min(step, 0.01) / 2);
        int m = (int) Math.ceil((s1 - s0) / sinStep) + 1;
        base = new double[m];
        for (int j = 0; j < m; j++) {
            base[j] = Math.toDegrees(2 * Math.asin(Math.min(1, s0 + j * sinStep)));
        }
        sinStart = s0;
        gridKey = twoTheta[0] + ":" + twoTheta[n - 1] + ":" + n;
    }

    /** The phase's profile on the pattern grid at the given strain, zero shift and crystallite size. */
    double[] profile(LibraryPhase phase, double strain, double zeroShift, double sizeNm) {
        double level = Math.log(sizeNm) / Math.log(SIZE_RATIO);
        int lower = (int) Math.floor(level);
        double t = level - lower;
        double[] a = baseProfile(phase, lower);
        double[] b = t > 1e-9 ? baseProfile(phase, lower + 1) : a;
        double[] out = new double[sinHalf.length];
        double halfZero = Math.toRadians(zeroShift / 2);
        double cz = Math.cos(halfZero) * (1 + strain);
        double sz = Math.sin(halfZero) * (1 + strain);
        for (int i = 0; i < out.length; i++) {
            // sin((2θ − z)/2)·(1 + ε), by the angle-difference identity.
            double s = sinHalf[i] * cz - cosHalf[i] * sz;
            double u = (s - sinStart) / sinStep;
            int j = (int) u;
            if (u < 0 || j >= base.length - 1) {
                continue;
            }
            double f = u - j;
            double va = a[j] + f * (a[j + 1] - a[j]);
            double vb = b == a ? va : b[j] + f * (b[j + 1] - b[j]);
            out[i] = (1 - t) * va + t * vb;
        }
        return out;
    }

    private double[] baseProfile(LibraryPhase phase, int level) {
        return rendered.computeIfAbsent(phase, p -> new HashMap<>()).computeIfAbsent(level, l -> {
            if (phase.deformation() == null) {
                return phase.profile().render(base, 0, 0, Math.pow(SIZE_RATIO, l));
            }
            double[] a = phase.axisScales();
            String key = a[0] + "," + a[1] + "," + a[2] + "@" + gridKey + "@" + l;
            Map<String, double[]> renders;
            synchronized (SHARED) {
                renders = SHARED.computeIfAbsent(phase.deformation(), d -> java.util.Collections.synchronizedMap(
                        new java.util.LinkedHashMap<>(32, 0.75f, true) {
                            @Override
                            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                                return size() > SHARED_PER_PHASE;
                            }
                        }));
            }
            double[] cached = renders.get(key);
            if (cached == null) {
                cached = phase.profile().render(base, 0, 0, Math.pow(SIZE_RATIO, l));
                renders.put(key, cached);
            }
            return cached;
        });
    }

    /** 2θ′ with sin θ′ = sin θ·(1 + strain), degrees. */
    private static double mapped(double twoTheta, double strain) {
        double s = Math.sin(Math.toRadians(twoTheta / 2)) * (1 + strain);
        return s >= 1 ? 180 : Math.toDegrees(2 * Math.asin(Math.max(0, s)));
    }
}
