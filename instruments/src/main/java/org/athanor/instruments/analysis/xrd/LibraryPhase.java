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
 * @param deformation how lines and profile follow per-axis stretches, or null when only isotropic strain applies
 * @param axisScales  the per-axis stretches already applied to the library cell (1, 1, 1 for the library phase)
 */
public record LibraryPhase(String id, String formula, double[] dSpacings, double[] intensities, PhaseProfile profile,
                           CellDeformation deformation, double[] axisScales) {

    /** A phase that follows isotropic strain only. */
    public LibraryPhase(String id, String formula, double[] dSpacings, double[] intensities, PhaseProfile profile) {
        this(id, formula, dSpacings, intensities, profile, null, new double[] {1, 1, 1});
    }

    public LibraryPhase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        if (dSpacings.length != intensities.length) {
            throw new IllegalArgumentException(id + ": " + dSpacings.length + " d-spacings but " + intensities.length + " intensities");
        }
    }

    /** This phase with its library cell's axes multiplied by sa, sb, sc (needs a deformation). */
    LibraryPhase deformed(double sa, double sb, double sc) {
        return new LibraryPhase(id, formula, deformation.dSpacings(sa, sb, sc), intensities, deformation.profile(sa, sb, sc),
                deformation, new double[] {sa, sb, sc});
    }

    /** Mean linear strain relative to the library cell for an extra isotropic strain on top of the axis stretches. */
    double meanStrain(double isotropicStrain) {
        return Math.cbrt(axisScales[0] * axisScales[1] * axisScales[2]) * (1 + isotropicStrain) - 1;
    }

    /** 2θ in degrees of a reflection of spacing d at wavelength λ, with the cell strained; NaN beyond 180°. */
    static double twoTheta(double d, double wavelength, double strain) {
        double s = wavelength / (2 * d * (1 + strain));
        return s >= 1 ? Double.NaN : Math.toDegrees(2 * Math.asin(s));
    }
}
