package org.athanor.simulators.xrd;

import java.util.Map;

/**
 * Computes the diffracted intensity of a phase mixture on a 2θ grid (Cu Kα). Implemented with the project's one
 * powder-diffraction calculator ({@code org.athanor.crystal}); kept behind this interface so the XRD device does not
 * depend on how a pattern is computed.
 */
public interface PowderPatternCalculator {

    /**
     * Intensity (arbitrary scale, before counting statistics) at each {@code twoThetaDeg} for phases with the given
     * weight fractions and crystallite sizes (nm). Phases the calculator has no structure for contribute nothing.
     */
    double[] intensities(Map<String, Double> weightFractions, Map<String, Double> crystalliteNm, double[] twoThetaDeg);

    /** True when the calculator has a structure for {@code phase}. */
    boolean knows(String phase);
}
