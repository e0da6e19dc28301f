package org.athanor.crystal;

import java.util.List;

/**
 * Full powder profiles: the one place a pattern is computed, for the simulators (to make data) and the analysis (to fit
 * it).
 *
 * <p>Model, per phase p and emission line λ (Kα1 and Kα2 at half its intensity for Cu Kα):
 * <pre>
 *   y(2θ) = Σ_p S_p · Σ_hkl m·|F_hkl|² · LP(θ) · I_λ · pV(2θ − 2θ_hkl,λ − zero; H, η)
 *   S_p  = w_p / (Z·M·V)_p            (Rietveld scale relation, Hill &amp; Howard, J. Appl. Cryst. 20 (1987) 467:
 *                                      w_p = S_p (ZMV)_p / Σ_j S_j (ZMV)_j, with ZM = mass of the cell contents)
 * </pre>
 * LP is pymatgen's (1 + cos²2θ)/(sin²θ cosθ), so peak ratios match {@link PowderDiffraction}. Peak shape: the instrument's
 * pseudo-Voigt (Caglioti FWHM, Lorentzian fraction η) is split into Gaussian and Lorentzian widths (Ida, Ando &amp;
 * Toraya, J. Appl. Cryst. 33 (2000) 1311, eqs. for Γ_L/Γ and Γ_G/Γ as functions of η); Scherrer size broadening
 * β = Kλ/(L cosθ), K = 0.9, adds to the Lorentzian width; the two are recombined with the Thompson–Cox–Hastings
 * formulas (J. Appl. Cryst. 20 (1987) 79). Each peak has unit area in degrees, so the profile is in intensity per
 * degree, arbitrary units proportional to counts.
 *
 * <p>A lattice scale s multiplies every d by s. Structure factors (and the Debye–Waller factor) are kept at the
 * unscaled cell: for |s − 1| ≤ 3 % this changes f(sinθ/λ) by well under 1 %.
 * Debye–Waller factors are applied when the structure has displacement parameters.
 */
public final class PatternProfile {

    /** Scherrer constant for spherical crystallites (FWHM-based). */
    public static final double SCHERRER_K = 0.9;
    /** Peaks are evaluated within this many FWHM of their centre (the Lorentzian tail beyond holds under 1 % of its area). */
    private static final double WINDOW_FWHM = 40;

    private PatternProfile() {
    }

    /** Sum of the phases' profiles on the given 2θ grid (degrees, ascending). */
    public static double[] compute(List<PhaseContribution> phases, InstrumentProfile instrument, double[] twoThetaGrid) {
        double[] total = new double[twoThetaGrid.length];
        for (PhaseContribution phase : phases) {
            addPhase(phase, instrument, twoThetaGrid, total);
        }
        return total;
    }

    /** One phase's profile (including its weight fraction) on the grid. */
    public static double[] phaseProfile(PhaseContribution phase, InstrumentProfile instrument, double[] twoThetaGrid) {
        double[] out = new double[twoThetaGrid.length];
        addPhase(phase, instrument, twoThetaGrid, out);
        return out;
    }

    /**
     * The Rietveld factor (Z·M·V) of a structure at a lattice scale: cell mass (g/mol) × cell volume (Å³). A fitted
     * per-phase scale S_p converts to weight fractions as w_p = S_p·(ZMV)_p / Σ_j S_j·(ZMV)_j.
     */
    public static double rietveldFactor(CrystalStructure structure, double latticeScale) {
        return structure.cellMass() * structure.lattice().volume() * latticeScale * latticeScale * latticeScale;
    }

    /** Weight fractions from fitted scale factors (same order as the structures), via the Rietveld relation. */
    public static double[] weightFractions(double[] scales, List<CrystalStructure> structures, double[] latticeScales) {
        double[] w = new double[scales.length];
        double sum = 0;
        for (int i = 0; i < scales.length; i++) {
            w[i] = Math.max(scales[i], 0) * rietveldFactor(structures.get(i), latticeScales[i]);
            sum += w[i];
        }
        for (int i = 0; i < w.length && sum > 0; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static void addPhase(PhaseContribution phase, InstrumentProfile instrument, double[] grid, double[] out) {
        if (grid.length == 0 || phase.weightFraction() == 0) {
            return;
        }
        double lo = grid[0];
        double hi = grid[grid.length - 1];
        double s = phase.latticeScale();
        double lambdaMax = 0;
        for (Radiation.Line line : instrument.radiation().lines()) {
            lambdaMax = Math.max(lambdaMax, line.wavelength());
        }
        // lines up to a little beyond the grid's end, so tails of peaks just outside still count
        double thetaEnd = Math.toRadians(Math.min(hi - instrument.zeroShiftDeg() + 2, 179) / 2);
        double dMin = lambdaMax / (2 * Math.sin(thetaEnd)) / s * 0.999;
        CrystalStructure structure = phase.structure();
        PhaseLines lines = PhaseLines.of(structure, dMin, structure.hasDisplacementParameters());
        double scale = phase.weightFraction() / rietveldFactor(structure, s);
        double sizeA = phase.crystalliteSizeNm() * 10;
        boolean sizeBroadening = sizeA > 0 && Double.isFinite(sizeA);
        double eta = instrument.eta();
        // Ida, Ando & Toraya (2000): widths of the Lorentzian and Gaussian parts of a pseudo-Voigt of FWHM Γ, mixing η
        double lorentzPart = 0.72928 * eta + 0.19289 * eta * eta + 0.07783 * eta * eta * eta;
        double gaussPart = Math.sqrt(Math.max(0, 1 - 0.74417 * eta - 0.24781 * eta * eta - 0.00810 * eta * eta * eta));

        double strongest = 0;
        for (double f2 : lines.f2) {
            strongest = Math.max(strongest, f2);
        }
        double negligible = strongest * 1e-9; // systematic absences and rounding noise
        for (Radiation.Line line : instrument.radiation().lines()) {
            double lambda = line.wavelength();
            for (int i = 0; i < lines.d.length; i++) {
                if (lines.f2[i] <= negligible) {
                    continue;
                }
                double sinTheta = lambda / (2 * lines.d[i] * s);
                if (sinTheta >= 1) {
                    continue;
                }
                double theta = Math.asin(sinTheta);
                double centre = Math.toDegrees(2 * theta) + instrument.zeroShiftDeg();
                double hInst = instrument.fwhm(theta);
                double gammaG = hInst * gaussPart;
                double gammaL = hInst * lorentzPart;
                if (sizeBroadening) {
                    gammaL += Math.toDegrees(SCHERRER_K * lambda / (sizeA * Math.cos(theta)));
                }
                double[] shape = thompsonCoxHastings(gammaG, gammaL);
                double fwhm = shape[0];
                double window = WINDOW_FWHM * fwhm;
                if (centre + window < lo || centre - window > hi) {
                    continue;
                }
                double area = scale * lines.f2[i] * PowderDiffraction.lorentzPolarization(theta)
                        * line.relativeIntensity();
                addPseudoVoigt(grid, out, centre, fwhm, shape[1], area, window);
            }
        }
    }

    /** TCH: total FWHM and Lorentzian fraction η of the pseudo-Voigt approximating a Voigt of widths Γ_G, Γ_L. */
    static double[] thompsonCoxHastings(double gammaG, double gammaL) {
        double g2 = gammaG * gammaG;
        double l2 = gammaL * gammaL;
        double h5 = g2 * g2 * gammaG + 2.69269 * g2 * g2 * gammaL + 2.42843 * g2 * gammaG * l2
                + 4.47163 * g2 * l2 * gammaL + 0.07842 * gammaG * l2 * l2 + l2 * l2 * gammaL;
        double h = Math.pow(h5, 0.2);
        double q = gammaL / h;
        double eta = 1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q;
        return new double[] {h, Math.min(Math.max(eta, 0), 1)};
    }

    private static void addPseudoVoigt(double[] grid, double[] out, double centre, double fwhm, double eta,
                                       double area, double window) {
        double gaussK = 4 * Math.log(2) / (fwhm * fwhm);
        double lorentzK = 4 / (fwhm * fwhm);
        double lorentzAmp = area * eta * 2 / (Math.PI * fwhm);
        double gaussAmp = area * (1 - eta) * 2 / fwhm * Math.sqrt(Math.log(2) / Math.PI);
        if (lorentzAmp > 0) {
            double end = centre + window;
            for (int j = lowerBound(grid, centre - window); j < grid.length && grid[j] <= end; j++) {
                double x = grid[j] - centre;
                out[j] += lorentzAmp / (1 + lorentzK * x * x);
            }
        }
        if (gaussAmp > 0) {
            // beyond 3.5 FWHM the Gaussian is below 1e-14 of its peak
            double reach = 3.5 * fwhm;
            double end = centre + reach;
            for (int j = lowerBound(grid, centre - reach); j < grid.length && grid[j] <= end; j++) {
                double x = grid[j] - centre;
                out[j] += gaussAmp * Math.exp(-gaussK * x * x);
            }
        }
    }

    private static int lowerBound(double[] grid, double value) {
        int lo = 0;
        int hi = grid.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (grid[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** An evenly spaced 2θ grid from {@code start} to {@code end} inclusive. */
    public static double[] grid(double start, double end, double step) {
        int n = (int) Math.floor((end - start) / step + 1e-9) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = start + i * step;
        }
        return g;
    }
}
