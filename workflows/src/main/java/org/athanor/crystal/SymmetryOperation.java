package org.athanor.crystal;

import java.util.Arrays;

/**
 * A crystallographic symmetry operation x' = R·x + t on fractional coordinates, as written in CIFs
 * ("-y+1/2,x-y,z+1/3").
 *
 * @param rotation    R, row-major 3×3
 * @param translation t, fractional
 */
public record SymmetryOperation(double[] rotation, double[] translation) {

    public static final SymmetryOperation IDENTITY =
            new SymmetryOperation(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);

    public SymmetryOperation {
        rotation = rotation.clone();
        translation = translation.clone();
    }

    /**
     * Parses an operation such as {@code "-x+1/2, y, 1/4-z"} or {@code "x-y,x,z+0.5"}.
     *
     * @throws IllegalArgumentException naming the offending text when the string is not an operation
     */
    public static SymmetryOperation parse(String text) {
        String[] parts = text.replace(" ", "").replace("'", "").split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("symmetry operation '" + text + "' does not have three components");
        }
        double[] r = new double[9];
        double[] t = new double[3];
        for (int row = 0; row < 3; row++) {
            parseComponent(parts[row].toLowerCase(), row, r, t, text);
        }
        return new SymmetryOperation(r, t);
    }

    private static void parseComponent(String s, int row, double[] r, double[] t, String whole) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("symmetry operation '" + whole + "' has an empty component");
        }
        int i = 0;
        while (i < s.length()) {
            double sign = 1;
            char ch = s.charAt(i);
            if (ch == '+' || ch == '-') {
                sign = ch == '-' ? -1 : 1;
                i++;
            }
            int start = i;
            while (i < s.length() && "0123456789./".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            double coefficient = 1;
            boolean hasNumber = i > start;
            if (hasNumber) {
                coefficient = parseNumber(s.substring(start, i), whole);
                if (i < s.length() && s.charAt(i) == '*') {
                    i++;
                }
            }
            if (i < s.length() && "xyz".indexOf(s.charAt(i)) >= 0) {
                r[row * 3 + (s.charAt(i) - 'x')] += sign * coefficient;
                i++;
                if (i < s.length() && s.charAt(i) == '/') {
                    // "x/2" style: divide the coefficient just added
                    int numStart = ++i;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    double divisor = parseNumber(s.substring(numStart, i), whole);
                    r[row * 3 + (s.charAt(numStart - 2) - 'x')] /= divisor;
                }
            } else if (hasNumber) {
                t[row] += sign * coefficient;
            } else {
                throw new IllegalArgumentException("symmetry operation '" + whole + "': cannot read '" + s + "'");
            }
        }
    }

    private static double parseNumber(String number, String whole) {
        try {
            int slash = number.indexOf('/');
            if (slash >= 0) {
                return Double.parseDouble(number.substring(0, slash)) / Double.parseDouble(number.substring(slash + 1));
            }
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("symmetry operation '" + whole + "': bad number '" + number + "'");
        }
    }

    /** Applies the operation to fractional coordinates (no wrapping into the cell). */
    public double[] apply(double x, double y, double z) {
        return new double[] {
            rotation[0] * x + rotation[1] * y + rotation[2] * z + translation[0],
            rotation[3] * x + rotation[4] * y + rotation[5] * z + translation[1],
            rotation[6] * x + rotation[7] * y + rotation[8] * z + translation[2]};
    }

    /** The operation in CIF xyz form, e.g. {@code -y+1/2,x,z}. */
    public String toXyz() {
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            if (row > 0) {
                out.append(',');
            }
            StringBuilder part = new StringBuilder();
            for (int col = 0; col < 3; col++) {
                double v = rotation[row * 3 + col];
                if (v == 0) {
                    continue;
                }
                part.append(v < 0 ? "-" : (part.length() > 0 ? "+" : ""));
                if (Math.abs(Math.abs(v) - 1) > 1e-12) {
                    part.append(fraction(Math.abs(v))).append('*');
                }
                part.append((char) ('x' + col));
            }
            double tr = translation[row];
            if (tr != 0) {
                part.append(tr < 0 ? "-" : (part.length() > 0 ? "+" : "")).append(fraction(Math.abs(tr)));
            }
            out.append(part.length() == 0 ? "0" : part);
        }
        return out.toString();
    }

    private static String fraction(double v) {
        for (int den = 1; den <= 12; den++) {
            double num = v * den;
            if (Math.abs(num - Math.rint(num)) < 1e-9) {
                long n = Math.round(num);
                return den == 1 ? Long.toString(n) : n + "/" + den;
            }
        }
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SymmetryOperation o
                && Arrays.equals(rotation, o.rotation) && Arrays.equals(translation, o.translation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rotation) + Arrays.hashCode(translation);
    }

    @Override
    public String toString() {
        return toXyz();
    }
}
