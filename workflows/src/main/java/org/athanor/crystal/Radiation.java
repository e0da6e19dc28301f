package org.athanor.crystal;

import java.util.List;
import java.util.Locale;

/**
 * An X-ray source: the single wavelength used for peak lists and the emission lines used for profiles.
 *
 * @param name       e.g. {@code "CuKa"}
 * @param wavelength wavelength for peak positions, Å (pymatgen's table: Cu Kα weighted 1.54184, Kα1 1.54056)
 * @param lines      emission lines for profiles (wavelength Å, relative intensity)
 */
public record Radiation(String name, double wavelength, List<Line> lines) {

    /** One emission line. */
    public record Line(double wavelength, double relativeIntensity) {
    }

    /** Cu Kα1 and Kα2 wavelengths from Hölzer et al., Phys. Rev. A 56 (1997) 4554; Kα2/Kα1 intensity ratio 0.5. */
    public static final double CU_KA1 = 1.540593;
    public static final double CU_KA2 = 1.544414;

    /** Cu Kα: peak lists at the weighted mean 1.54184 Å (pymatgen), profiles as the Kα1/Kα2 doublet. */
    public static final Radiation CU_KA = new Radiation("CuKa", 1.54184,
            List.of(new Line(CU_KA1, 1.0), new Line(CU_KA2, 0.5)));

    /** Cu Kα1 only (monochromated): peak lists at pymatgen's 1.54056 Å, profiles at 1.540593 Å. */
    public static final Radiation CU_KA1_ONLY = new Radiation("CuKa1", 1.54056, List.of(new Line(CU_KA1, 1.0)));

    public Radiation {
        lines = List.copyOf(lines);
        if (!(wavelength > 0) || lines.isEmpty()) {
            throw new IllegalArgumentException("radiation needs a positive wavelength and at least one line");
        }
    }

    /** A single-wavelength source, e.g. synchrotron. */
    public static Radiation monochromatic(double wavelength) {
        return new Radiation(String.format(Locale.ROOT, "%.5fA", wavelength), wavelength,
                List.of(new Line(wavelength, 1.0)));
    }

    /** "CuKa" or "CuKa1" (case-insensitive), or a wavelength in Å. */
    public static Radiation parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("CuKa") || t.equalsIgnoreCase("Cu")) {
            return CU_KA;
        }
        if (t.equalsIgnoreCase("CuKa1")) {
            return CU_KA1_ONLY;
        }
        try {
            return monochromatic(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown radiation '" + text + "' (use CuKa, CuKa1 or a wavelength in Å)");
        }
    }
}
