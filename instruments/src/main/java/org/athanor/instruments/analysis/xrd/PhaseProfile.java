package org.athanor.instruments.analysis.xrd;

/**
 * The simulated powder profile of one library phase per unit weight fraction, as the whole-pattern fit varies it.
 * Implementations delegate to the crystal module's pattern calculator (the one place a pattern is computed).
 */
@FunctionalInterface
public interface PhaseProfile {

    /**
     * @param twoTheta          the measured 2θ grid, degrees, ascending
     * @param strain            isotropic lattice strain: every cell length is multiplied by (1 + strain)
     * @param zeroShift         instrument zero error added to every peak position, degrees
     * @param crystalliteSizeNm Scherrer crystallite size (peak broadening on top of the instrument's)
     * @return intensity at each grid point for a sample that is wholly this phase (weight fraction 1): the
     *         Rietveld scale S = w/(Z·M·V) is already applied, so a mixture is Σ wₚ·profileₚ
     */
    double[] render(double[] twoTheta, double strain, double zeroShift, double crystalliteSizeNm);
}
