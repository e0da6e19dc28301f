package org.athanor.crystal;

/**
 * A unit cell given by its six parameters (Å and degrees), with the metric tensors derived from them.
 *
 * @param a     length of a, Å
 * @param b     length of b, Å
 * @param c     length of c, Å
 * @param alpha angle between b and c, degrees
 * @param beta  angle between a and c, degrees
 * @param gamma angle between a and b, degrees
 */
public record Lattice(double a, double b, double c, double alpha, double beta, double gamma) {

    public Lattice {
        if (!(a > 0 && b > 0 && c > 0)) {
            throw new IllegalArgumentException("cell lengths must be positive: " + a + ", " + b + ", " + c);
        }
        if (!(alpha > 0 && alpha < 180 && beta > 0 && beta < 180 && gamma > 0 && gamma < 180)) {
            throw new IllegalArgumentException("cell angles must lie in (0, 180) degrees: "
                    + alpha + ", " + beta + ", " + gamma);
        }
        double v2 = volumeSquaredOverAbc(alpha, beta, gamma);
        if (!(v2 > 1e-12)) {
            throw new IllegalArgumentException("cell angles " + alpha + ", " + beta + ", " + gamma
                    + " do not form a cell (zero or imaginary volume)");
        }
    }

    public static Lattice cubic(double a) {
        return new Lattice(a, a, a, 90, 90, 90);
    }

    public static Lattice hexagonal(double a, double c) {
        return new Lattice(a, a, c, 90, 90, 120);
    }

    /** The cell spanned by three vectors (rows, Å), e.g. from a POSCAR or a pymatgen lattice matrix. */
    public static Lattice fromVectors(double[][] v) {
        double a = norm(v[0]);
        double b = norm(v[1]);
        double c = norm(v[2]);
        return new Lattice(a, b, c, angle(v[1], v[2], b, c), angle(v[0], v[2], a, c), angle(v[0], v[1], a, b));
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double angle(double[] u, double[] v, double nu, double nv) {
        double cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (nu * nv);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    private static double volumeSquaredOverAbc(double alpha, double beta, double gamma) {
        double ca = cosDeg(alpha);
        double cb = cosDeg(beta);
        double cg = cosDeg(gamma);
        return 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
    }

    /** Cosine of an angle in degrees, exact at 90° so orthogonal cells stay exactly orthogonal. */
    static double cosDeg(double degrees) {
        return degrees == 90.0 ? 0.0 : Math.cos(Math.toRadians(degrees));
    }

    /** Cell volume in Å³. */
    public double volume() {
        return a * b * c * Math.sqrt(volumeSquaredOverAbc(alpha, beta, gamma));
    }

    /** Real-space metric tensor G, G_ij = a_i · a_j (Å²), row-major 3×3. */
    public double[] metricTensor() {
        double ca = cosDeg(alpha);
        double cb = cosDeg(beta);
        double cg = cosDeg(gamma);
        return new double[] {
            a * a, a * b * cg, a * c * cb,
            a * b * cg, b * b, b * c * ca,
            a * c * cb, b * c * ca, c * c};
    }

    /** Reciprocal metric tensor G* = G⁻¹ (Å⁻²), so that 1/d² = hᵀ G* h. */
    public double[] reciprocalMetricTensor() {
        double[] g = metricTensor();
        double det = g[0] * (g[4] * g[8] - g[5] * g[7])
                - g[1] * (g[3] * g[8] - g[5] * g[6])
                + g[2] * (g[3] * g[7] - g[4] * g[6]);
        return new double[] {
            (g[4] * g[8] - g[5] * g[7]) / det, (g[2] * g[7] - g[1] * g[8]) / det, (g[1] * g[5] - g[2] * g[4]) / det,
            (g[5] * g[6] - g[3] * g[8]) / det, (g[0] * g[8] - g[2] * g[6]) / det, (g[2] * g[3] - g[0] * g[5]) / det,
            (g[3] * g[7] - g[4] * g[6]) / det, (g[1] * g[6] - g[0] * g[7]) / det, (g[0] * g[4] - g[1] * g[3]) / det};
    }

    /** Lengths of the reciprocal axes a*, b*, c* (Å⁻¹, crystallographic convention without 2π). */
    public double[] reciprocalLengths() {
        double[] gs = reciprocalMetricTensor();
        return new double[] {Math.sqrt(gs[0]), Math.sqrt(gs[4]), Math.sqrt(gs[8])};
    }

    /** Interplanar spacing of the (hkl) planes, Å. */
    public double dSpacing(int h, int k, int l) {
        double[] gs = reciprocalMetricTensor();
        double inv = h * h * gs[0] + k * k * gs[4] + l * l * gs[8]
                + 2 * (h * k * gs[1] + h * l * gs[2] + k * l * gs[5]);
        return 1 / Math.sqrt(inv);
    }

    /** The same cell with every length multiplied by {@code factor} (isotropic strain), angles unchanged. */
    public Lattice scaled(double factor) {
        return new Lattice(a * factor, b * factor, c * factor, alpha, beta, gamma);
    }

    /**
     * Whether pymatgen would index this cell with four Miller–Bravais indices: two right angles, one angle near
     * 60° or 120° (5° tolerance) and equal lengths (0.01 Å) on the right-angle axes. Mirrors
     * {@code pymatgen.core.lattice.Lattice.is_hexagonal} so peak labels match its reference lists.
     */
    public boolean isHexagonal() {
        double[] lengths = {a, b, c};
        double[] angles = {alpha, beta, gamma};
        int[] right = new int[3];
        int nRight = 0;
        int nHex = 0;
        for (int i = 0; i < 3; i++) {
            if (Math.abs(angles[i] - 90) < 5) {
                right[nRight++] = i;
            }
            if (Math.abs(angles[i] - 60) < 5 || Math.abs(angles[i] - 120) < 5) {
                nHex++;
            }
        }
        return nRight == 2 && nHex == 1 && Math.abs(lengths[right[0]] - lengths[right[1]]) < 0.01;
    }
}
