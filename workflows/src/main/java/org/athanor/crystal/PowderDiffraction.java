package org.athanor.crystal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Powder peak lists with pymatgen's {@code XRDCalculator} conventions (pymatgen 2022.11.7,
 * {@code analysis/diffraction/xrd.py}), so that lists compare with its references:
 * <ul>
 *   <li>every reciprocal-lattice point inside the limiting sphere is summed (no multiplicity factor needed; symmetry-
 *       forbidden reflections count in the multiplicity but contribute |F|² ≈ 0);</li>
 *   <li>I = |F|²·LP with LP = (1 + cos²2θ)/(sin²θ·cosθ), atomic scattering factors from {@link ScatteringFactors};</li>
 *   <li>points closer than 1e-5° in 2θ are one peak, at the position of the first;</li>
 *   <li>intensities are scaled to 100 for the strongest peak within the range, and peaks at or below 0.001 dropped;</li>
 *   <li>no Debye–Waller factor unless asked for; then exp(−B·s²) per atom from the CIF's displacement parameters.</li>
 * </ul>
 */
public final class PowderDiffraction {

    /** pymatgen's {@code TWO_THETA_TOL}. */
    static final double TWO_THETA_TOLERANCE = 1e-5;
    /** pymatgen's {@code SCALED_INTENSITY_TOL}. */
    static final double SCALED_INTENSITY_TOLERANCE = 1e-3;

    private PowderDiffraction() {
    }

    /** Peaks between {@code twoThetaMin} and {@code twoThetaMax} degrees, without a Debye–Waller factor. */
    public static List<Reflection> peaks(CrystalStructure structure, Radiation radiation,
                                         double twoThetaMin, double twoThetaMax) {
        return peaks(structure, radiation, twoThetaMin, twoThetaMax, false);
    }

    /** As {@link #peaks(CrystalStructure, Radiation, double, double)}, optionally with the Debye–Waller factor. */
    public static List<Reflection> peaks(CrystalStructure structure, Radiation radiation,
                                         double twoThetaMin, double twoThetaMax, boolean debyeWaller) {
        if (!(twoThetaMin >= 0 && twoThetaMax > twoThetaMin && twoThetaMax < 180)) {
            throw new IllegalArgumentException("2θ range must satisfy 0 ≤ min < max < 180°, got "
                    + twoThetaMin + ".." + twoThetaMax);
        }
        double lambda = radiation.wavelength();
        double gMin = 2 * Math.sin(Math.toRadians(twoThetaMin / 2)) / lambda;
        double gMax = 2 * Math.sin(Math.toRadians(twoThetaMax / 2)) / lambda;
        ReciprocalSpace points = ReciprocalSpace.compute(structure, gMax, debyeWaller);
        boolean hexagonal = structure.lattice().isHexagonal();

        List<PeakBuilder> peaks = new ArrayList<>();
        PeakBuilder last = null;
        for (int i = 0; i < points.count; i++) {
            double g = points.g[i];
            if (g < gMin) {
                continue;
            }
            double theta = Math.asin(lambda * g / 2);
            double twoTheta = Math.toDegrees(2 * theta);
            double lp = lorentzPolarization(theta);
            int[] hkl = hexagonal
                    ? new int[] {points.h[i], points.k[i], -points.h[i] - points.k[i], points.l[i]}
                    : new int[] {points.h[i], points.k[i], points.l[i]};
            if (last != null && Math.abs(twoTheta - last.twoTheta) < TWO_THETA_TOLERANCE) {
                last.add(hkl, points.f2[i], points.f2[i] * lp);
            } else {
                last = new PeakBuilder(twoTheta, 1 / g, lp);
                last.add(hkl, points.f2[i], points.f2[i] * lp);
                peaks.add(last);
            }
        }
        double max = peaks.stream().mapToDouble(p -> p.intensity).max().orElse(0);
        List<Reflection> out = new ArrayList<>();
        for (PeakBuilder p : peaks) {
            double relative = max > 0 ? p.intensity / max * 100 : 0;
            if (relative > SCALED_INTENSITY_TOLERANCE) {
                out.add(p.build(relative));
            }
        }
        return out;
    }

    /** pymatgen's Lorentz-polarisation factor (1 + cos²2θ)/(sin²θ·cosθ); θ in radians. */
    static double lorentzPolarization(double theta) {
        double c2 = Math.cos(2 * theta);
        double s = Math.sin(theta);
        return (1 + c2 * c2) / (s * s * Math.cos(theta));
    }

    private static final class PeakBuilder {
        final double twoTheta;
        final double d;
        final double lp;
        double intensity;
        double f2Sum;
        final List<int[]> hkls = new ArrayList<>();

        PeakBuilder(double twoTheta, double d, double lp) {
            this.twoTheta = twoTheta;
            this.d = d;
            this.lp = lp;
        }

        void add(int[] hkl, double f2, double i) {
            hkls.add(hkl);
            f2Sum += f2;
            intensity += i;
        }

        Reflection build(double relative) {
            return new Reflection(twoTheta, d, families(hkls), hkls.size(), f2Sum / hkls.size(), lp, intensity,
                    relative);
        }
    }

    /**
     * Groups indices into families that are permutations of each other up to sign (pymatgen's
     * {@code get_unique_families}), each labelled by its lexicographically largest member, in order of appearance.
     */
    static List<HklFamily> families(List<int[]> hkls) {
        Map<String, List<int[]>> byShape = new LinkedHashMap<>();
        for (int[] hkl : hkls) {
            int[] shape = new int[hkl.length];
            for (int i = 0; i < hkl.length; i++) {
                shape[i] = Math.abs(hkl[i]);
            }
            Arrays.sort(shape);
            byShape.computeIfAbsent(Arrays.toString(shape), s -> new ArrayList<>()).add(hkl);
        }
        List<HklFamily> families = new ArrayList<>();
        for (List<int[]> members : byShape.values()) {
            int[] best = members.get(0);
            for (int[] m : members) {
                if (Arrays.compare(m, best) > 0) {
                    best = m;
                }
            }
            families.add(new HklFamily(best, members.size()));
        }
        return families;
    }
}
