package org.athanor.crystal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every reciprocal-lattice point (hkl) ≠ 0 with |g| = 1/d ≤ gMax, with its |F|², sorted as pymatgen sorts them:
 * by |g|, then by −h, −k, −l. Structure factors F = Σ_j f_j(s)·occ_j·exp(−B_j s²)·exp(2πi h·r_j), s = |g|/2,
 * computed once per Friedel pair (|F(−h)|² = |F(h)|² without anomalous dispersion).
 */
final class ReciprocalSpace {

    /** |g| is rounded to this many parts per Å⁻¹ before sorting, so that equal spacings tie exactly. */
    private static final double G_KEY_SCALE = 1e10;

    final int count;
    final int[] h;
    final int[] k;
    final int[] l;
    final double[] g;
    final double[] f2;

    private ReciprocalSpace(int count, int[] h, int[] k, int[] l, double[] g, double[] f2) {
        this.count = count;
        this.h = h;
        this.k = k;
        this.l = l;
        this.g = g;
        this.f2 = f2;
    }

    static ReciprocalSpace compute(CrystalStructure structure, double gMax, boolean debyeWaller) {
        Lattice lattice = structure.lattice();
        double[] gs = lattice.reciprocalMetricTensor();
        int hMax = (int) Math.floor(gMax * lattice.a() + 1e-9);
        int kMax = (int) Math.floor(gMax * lattice.b() + 1e-9);
        int lMax = (int) Math.floor(gMax * lattice.c() + 1e-9);
        Atoms atoms = new Atoms(structure.unitCell(), hMax, kMax, lMax, debyeWaller);
        double gMax2 = gMax * gMax * (1 + 1e-12);

        List<long[]> keys = new ArrayList<>();
        for (int hh = -hMax; hh <= hMax; hh++) {
            for (int kk = -kMax; kk <= kMax; kk++) {
                for (int ll = -lMax; ll <= lMax; ll++) {
                    if (hh == 0 && kk == 0 && ll == 0) {
                        continue;
                    }
                    double inv = hh * hh * gs[0] + kk * kk * gs[4] + ll * ll * gs[8]
                            + 2 * (hh * kk * gs[1] + hh * ll * gs[2] + kk * ll * gs[5]);
                    if (inv <= gMax2) {
                        keys.add(new long[] {Math.round(Math.sqrt(inv) * G_KEY_SCALE), hh, kk, ll});
                    }
                }
            }
        }
        keys.sort((p, q) -> {
            int c = Long.compare(p[0], q[0]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(q[1], p[1]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(q[2], p[2]);
            return c != 0 ? c : Long.compare(q[3], p[3]);
        });
        int n = keys.size();
        int[] h = new int[n];
        int[] k = new int[n];
        int[] l = new int[n];
        double[] g = new double[n];
        double[] f2 = new double[n];
        // |F(h·R)| = |F(h)| for every rotation R that maps the cell onto itself, and |F(−h)| = |F(h)| (Friedel):
        // compute one reflection per equivalence class and copy it to the others
        int[][] rotations = CellSymmetry.invariantRotations(structure);
        Map<Long, Double> known = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long[] key = keys.get(i);
            h[i] = (int) key[1];
            k[i] = (int) key[2];
            l[i] = (int) key[3];
            double inv = h[i] * h[i] * gs[0] + k[i] * k[i] * gs[4] + l[i] * l[i] * gs[8]
                    + 2 * (h[i] * k[i] * gs[1] + h[i] * l[i] * gs[2] + k[i] * l[i] * gs[5]);
            g[i] = Math.sqrt(inv);
            Double value = known.get(pack(h[i], k[i], l[i]));
            if (value != null) {
                f2[i] = value;
            } else {
                f2[i] = atoms.structureFactorSquared(h[i], k[i], l[i], inv / 4);
                for (int[] r : rotations) {
                    int hr = h[i] * r[0] + k[i] * r[3] + l[i] * r[6];
                    int kr = h[i] * r[1] + k[i] * r[4] + l[i] * r[7];
                    int lr = h[i] * r[2] + k[i] * r[5] + l[i] * r[8];
                    known.put(pack(hr, kr, lr), f2[i]);
                    known.put(pack(-hr, -kr, -lr), f2[i]);
                }
            }
        }
        return new ReciprocalSpace(n, h, k, l, g, f2);
    }

    private static long pack(int h, int k, int l) {
        return ((long) (h + 1_000_000) * 2_000_001L + (k + 1_000_000)) * 2_000_001L + (l + 1_000_000);
    }

    /** The atoms of the cell as flat arrays, with phase tables exp(2πi·n·x) for every index n in range. */
    private static final class Atoms {
        final int size;
        final int[] element;
        final double[] weight;
        final double[] b;
        final boolean debyeWaller;
        final String[] elements;
        final int hMax;
        final int kMax;
        final int lMax;
        final double[][] cx;
        final double[][] sx;
        final double[][] cy;
        final double[][] sy;
        final double[][] cz;
        final double[][] sz;

        Atoms(List<Site> cell, int hMax, int kMax, int lMax, boolean debyeWaller) {
            this.size = cell.size();
            this.hMax = hMax;
            this.kMax = kMax;
            this.lMax = lMax;
            Map<String, Integer> index = new HashMap<>();
            List<String> names = new ArrayList<>();
            element = new int[size];
            weight = new double[size];
            b = new double[size];
            boolean anyB = false;
            cx = new double[size][];
            sx = new double[size][];
            cy = new double[size][];
            sy = new double[size][];
            cz = new double[size][];
            sz = new double[size][];
            for (int j = 0; j < size; j++) {
                Site s = cell.get(j);
                if (!ScatteringFactors.has(s.element())) {
                    throw new IllegalArgumentException("no X-ray scattering factor for " + s.element());
                }
                element[j] = index.computeIfAbsent(s.element(), e -> {
                    names.add(e);
                    return names.size() - 1;
                });
                weight[j] = s.occupancy();
                b[j] = s.hasB() ? s.bIso() : 0;
                anyB |= s.hasB() && s.bIso() != 0;
                cx[j] = new double[2 * hMax + 1];
                sx[j] = new double[2 * hMax + 1];
                phases(s.x(), hMax, cx[j], sx[j]);
                cy[j] = new double[2 * kMax + 1];
                sy[j] = new double[2 * kMax + 1];
                phases(s.y(), kMax, cy[j], sy[j]);
                cz[j] = new double[2 * lMax + 1];
                sz[j] = new double[2 * lMax + 1];
                phases(s.z(), lMax, cz[j], sz[j]);
            }
            this.debyeWaller = debyeWaller && anyB;
            elements = names.toArray(new String[0]);
        }

        private static void phases(double x, int max, double[] c, double[] s) {
            for (int n = -max; n <= max; n++) {
                double a = 2 * Math.PI * n * x;
                c[n + max] = Math.cos(a);
                s[n + max] = Math.sin(a);
            }
        }

        double structureFactorSquared(int h, int k, int l, double s2) {
            double[] f = new double[elements.length];
            for (int e = 0; e < elements.length; e++) {
                f[e] = ScatteringFactors.f(elements[e], s2);
            }
            double re = 0;
            double im = 0;
            int ih = h + hMax;
            int ik = k + kMax;
            int il = l + lMax;
            for (int j = 0; j < size; j++) {
                double ax = cx[j][ih];
                double bx = sx[j][ih];
                double ay = cy[j][ik];
                double by = sy[j][ik];
                double xyRe = ax * ay - bx * by;
                double xyIm = ax * by + bx * ay;
                double az = cz[j][il];
                double bz = sz[j][il];
                double amplitude = f[element[j]] * weight[j];
                if (debyeWaller) {
                    amplitude *= Math.exp(-b[j] * s2);
                }
                re += amplitude * (xyRe * az - xyIm * bz);
                im += amplitude * (xyRe * bz + xyIm * az);
            }
            return re * re + im * im;
        }
    }
}
