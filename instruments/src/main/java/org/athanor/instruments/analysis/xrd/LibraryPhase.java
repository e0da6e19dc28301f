package org.athanor.instruments.analysis.xrd;

import java.util.Objects;

/**
 * A reference phase as phase identification sees it: its reflections at the reference cell (for peak matching) and
 * its simulated profile per unit weight fraction (for whole-pattern fitting; the Rietveld relation W ∝ S·Z·M·V of
 * Hill & Howard, J. Appl. Cryst. 20, 467 (1987) is applied inside the profile, so fitted coefficients are
 * proportional to weight fractions).
 *
 * @param id          the library's name for it (a CIF's file stem)
 * @param formula     reduced formula
 * @param dSpacings   reflection d-spacings in Å, at the reference cell
 * @param intensities integrated intensities of those reflections, same order, any common scale
 * @param profile     simulated profile at unit scale
 */
public record LibraryPhase(String id, String formula, double[] dSpacings, double[] intensities, PhaseProfile profile) {

    public LibraryPhase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        if (dSpacings.length != intensities.length) {
            throw new IllegalArgumentException(id + ": " + dSpacings.length + " d-spacings but " + intensities.length + " intensities");
        }
    }

    /** 2θ in degrees of a reflection of spacing d at wavelength λ, with the cell strained; NaN beyond 180°. */
    static double twoTheta(double d, double wavelength, double strain) {
        double s = wavelength / (2 * d * (1 + strain));
        return s >= 1 ? Double.NaN : Math.toDegrees(2 * Math.asin(s));
    }
}
