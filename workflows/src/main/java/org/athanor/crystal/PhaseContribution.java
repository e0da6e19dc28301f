package org.athanor.crystal;

/**
 * One phase in a simulated or fitted pattern.
 *
 * @param structure         the phase's structure
 * @param weightFraction    mass fraction of the phase in the sample (0..1; fractions need not sum to 1)
 * @param crystalliteSizeNm volume-weighted crystallite size for Scherrer broadening, nm; ≤ 0 or infinite for none
 * @param latticeScale      isotropic cell scale (1 = as in the structure; 1.01 = cell lengths 1 % larger)
 */
public record PhaseContribution(CrystalStructure structure, double weightFraction, double crystalliteSizeNm,
                                double latticeScale) {

    public PhaseContribution {
        if (structure == null) {
            throw new IllegalArgumentException("a phase contribution needs a structure");
        }
        if (!(weightFraction >= 0)) {
            throw new IllegalArgumentException("weight fraction must be ≥ 0, got " + weightFraction);
        }
        if (!(latticeScale > 0.5 && latticeScale < 2)) {
            throw new IllegalArgumentException("lattice scale must lie in (0.5, 2), got " + latticeScale);
        }
    }

    /** The whole sample is this phase, no size broadening, cell as given. */
    public static PhaseContribution pure(CrystalStructure structure) {
        return new PhaseContribution(structure, 1.0, Double.POSITIVE_INFINITY, 1.0);
    }
}
