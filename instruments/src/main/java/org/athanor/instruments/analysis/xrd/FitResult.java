package org.athanor.instruments.analysis.xrd;

import java.util.List;

/**
 * A converged whole-pattern fit.
 *
 * @param phases     fitted phases, in model order
 * @param scales     fitted coefficient per phase (≥ 0): profiles are per unit weight fraction, so these are
 *                   weight fractions up to one common factor (the sample's overall diffracting power)
 * @param parameters strain and size per phase
 * @param zeroShift  instrument zero shift, degrees 2θ
 * @param rwp        weighted-profile R factor, percent
 * @param calculated background plus all phases, on the measured grid
 * @param phaseCurves each phase's scaled contribution, on the measured grid
 */
record FitResult(List<LibraryPhase> phases, double[] scales, List<PhaseParameters> parameters, double zeroShift,
                 double rwp, double[] calculated, double[][] phaseCurves) {

    /** Weight fractions among the fitted phases, in model order (the coefficients normalised to sum to 1). */
    double[] weightFractions() {
        double[] w = scales.clone();
        double total = 0;
        for (double v : w) {
            total += v;
        }
        for (int p = 0; p < w.length; p++) {
            w[p] = total > 0 ? w[p] / total : 0;
        }
        return w;
    }
}
