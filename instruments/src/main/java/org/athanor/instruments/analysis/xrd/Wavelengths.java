package org.athanor.instruments.analysis.xrd;

import java.util.Locale;

/**
 * The wavelength at which observed peak maxima sit, for matching line positions: Kα1 of the common anodes
 * (Kα2 only adds a weaker shoulder). Values from International Tables for Crystallography Vol. C, Table 4.2.2.1
 * (Hölzer et al. 1997 for Cu).
 */
final class Wavelengths {

    private Wavelengths() {
    }

    static double primary(String radiation) {
        String r = radiation.toLowerCase(Locale.ROOT).replace(" ", "").replace("α", "a").replace("-", "");
        if (r.startsWith("cu")) {
            return 1.540562;
        }
        if (r.startsWith("co")) {
            return 1.788965;
        }
        if (r.startsWith("mo")) {
            return 0.709300;
        }
        if (r.startsWith("fe")) {
            return 1.936042;
        }
        if (r.startsWith("cr")) {
            return 2.289700;
        }
        if (r.startsWith("ag")) {
            return 0.559407;
        }
        try {
            return Double.parseDouble(radiation);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown radiation '" + radiation + "': use CuKa, CoKa, MoKa, FeKa, CrKa, AgKa or a wavelength in Å");
        }
    }
}
