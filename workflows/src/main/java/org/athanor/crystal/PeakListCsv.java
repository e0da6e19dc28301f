package org.athanor.crystal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Peak lists in the CSV format of the project's pymatgen references:
 * {@code two_theta_deg,intensity,d_spacing_A,hkl}, 2θ with 4 decimals, intensity 3, d 5, hkl families joined by ';'.
 * Numbers are rounded from their exact binary value, half to even, as Python's {@code f"{x:.4f}"} does, so values on a
 * decimal tie print the same as in the references.
 *
 * <p>The order of families on one peak follows this calculator's sort (−h, −k, −l among equal spacings); pymatgen's
 * order there follows floating-point noise in its reciprocal-lattice search, so the two can list coincident families
 * (e.g. 333 and 511 in a cubic cell) in different orders.
 */
public final class PeakListCsv {

    public static final String HEADER = "two_theta_deg,intensity,d_spacing_A,hkl";

    private PeakListCsv() {
    }

    public static String write(List<Reflection> peaks) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Reflection r : peaks) {
            csv.append(fixed(r.twoThetaDeg(), 4)).append(',')
                    .append(fixed(r.relativeIntensity(), 3)).append(',')
                    .append(fixed(r.dSpacing(), 5)).append(',')
                    .append(r.hklLabel()).append('\n');
        }
        return csv.toString();
    }

    /** Python-style fixed-point formatting of a double. */
    static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
