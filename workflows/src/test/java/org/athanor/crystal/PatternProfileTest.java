package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternProfileTest {

    private static final double LAMBDA = 1.54056;
    private static final Radiation MONO = Radiation.monochromatic(LAMBDA);
    /** Nearly a delta function: FWHM 0.01°, Gaussian. */
    private static final InstrumentProfile SHARP = new InstrumentProfile(MONO, 0, 0, 1e-4, 0, 0);

    private static CrystalStructure rockSalt(double a) {
        return CifReader.read("data_nacl\n_cell_length_a " + a + "\n_cell_length_b " + a + "\n_cell_length_c " + a
                + "\n_symmetry_space_group_name_H-M 'F m -3 m'\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
                + "_atom_site_fract_y\n_atom_site_fract_z\nNa1 0 0 0\nCl1 0.5 0.5 0.5\n", "nacl").get(0);
    }

    private static CrystalStructure silicon() {
        return CifReader.read("data_si\n_cell_length_a 5.4309\n_cell_length_b 5.4309\n_cell_length_c 5.4309\n"
                + "_symmetry_space_group_name_H-M 'F d -3 m :2'\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
                + "_atom_site_fract_y\n_atom_site_fract_z\nSi1 0.125 0.125 0.125\n", "si").get(0);
    }

    /** Area of the profile within ±half of a centre (trapezoid rule). */
    private static double area(double[] grid, double[] y, double centre, double half) {
        double sum = 0;
        for (int i = 1; i < grid.length; i++) {
            if (grid[i - 1] >= centre - half && grid[i] <= centre + half) {
                sum += 0.5 * (y[i] + y[i - 1]) * (grid[i] - grid[i - 1]);
            }
        }
        return sum;
    }

    private static double maximumNear(double[] grid, double[] y, double centre, double half) {
        double bestX = Double.NaN;
        double best = -1;
        for (int i = 0; i < grid.length; i++) {
            if (Math.abs(grid[i] - centre) <= half && y[i] > best) {
                best = y[i];
                bestX = grid[i];
            }
        }
        return bestX;
    }

    @Test
    void peakAreasFollowThePeakListIntensities() {
        CrystalStructure si = silicon();
        double[] grid = PatternProfile.grid(20, 90, 0.002);
        List<Reflection> peaks = PowderDiffraction.peaks(si, MONO, 20, 90);

        double[] y = PatternProfile.phaseProfile(PhaseContribution.pure(si), SHARP, grid);

        double a0 = area(grid, y, peaks.get(0).twoThetaDeg(), 0.3);
        for (Reflection r : peaks) {
            assertThat(maximumNear(grid, y, r.twoThetaDeg(), 0.2)).isCloseTo(r.twoThetaDeg(), within(0.0021));
            double ratio = area(grid, y, r.twoThetaDeg(), 0.3) / a0;
            assertThat(ratio * 100 * peaks.get(0).intensity() / peaks.stream().mapToDouble(Reflection::intensity).max()
                    .orElseThrow()).isCloseTo(r.relativeIntensity(), within(0.01 * r.relativeIntensity() + 0.05));
        }
    }

    @Test
    void copperKAlphaGivesADoubletWithHalfIntensityKAlpha2() {
        CrystalStructure si = silicon();
        double[] grid = PatternProfile.grid(60, 80, 0.001);
        InstrumentProfile doublet = new InstrumentProfile(Radiation.CU_KA, 0, 0, 1e-4, 0, 0);
        double d = si.lattice().dSpacing(4, 0, 0);
        double alpha1 = 2 * Math.toDegrees(Math.asin(Radiation.CU_KA1 / (2 * d)));
        double alpha2 = 2 * Math.toDegrees(Math.asin(Radiation.CU_KA2 / (2 * d)));

        double[] y = PatternProfile.phaseProfile(PhaseContribution.pure(si), doublet, grid);

        assertThat(maximumNear(grid, y, alpha1, 0.05)).isCloseTo(alpha1, within(0.0011));
        assertThat(maximumNear(grid, y, alpha2, 0.05)).isCloseTo(alpha2, within(0.0011));
        // Kα2 area is half, times the ratio of Lorentz-polarisation factors at the two angles
        double lpRatio = PowderDiffraction.lorentzPolarization(Math.toRadians(alpha2 / 2))
                / PowderDiffraction.lorentzPolarization(Math.toRadians(alpha1 / 2));
        assertThat(area(grid, y, alpha2, 0.05) / area(grid, y, alpha1, 0.05)).isCloseTo(0.5 * lpRatio, within(0.01));
    }

    @Test
    void crystalliteSizeBroadensPeaksAsScherrerSays() {
        CrystalStructure si = silicon();
        double[] grid = PatternProfile.grid(25, 35, 0.0005);
        double sizeNm = 20;

        double[] y = PatternProfile.phaseProfile(new PhaseContribution(si, 1, sizeNm, 1), SHARP, grid);

        Reflection first = PowderDiffraction.peaks(si, MONO, 25, 35).get(0);
        double theta = Math.toRadians(first.twoThetaDeg() / 2);
        double scherrer = Math.toDegrees(0.9 * LAMBDA / (sizeNm * 10 * Math.cos(theta)));
        assertThat(fwhm(grid, y, first.twoThetaDeg())).isCloseTo(scherrer, within(0.03 * scherrer));
    }

    private static double fwhm(double[] grid, double[] y, double centre) {
        int peak = 0;
        for (int i = 0; i < grid.length; i++) {
            if (Math.abs(grid[i] - centre) < 1 && y[i] > y[peak]) {
                peak = i;
            }
        }
        double half = y[peak] / 2;
        int lo = peak;
        while (y[lo] > half) {
            lo--;
        }
        int hi = peak;
        while (y[hi] > half) {
            hi++;
        }
        double left = grid[lo] + (half - y[lo]) / (y[lo + 1] - y[lo]) * (grid[lo + 1] - grid[lo]);
        double right = grid[hi - 1] + (y[hi - 1] - half) / (y[hi - 1] - y[hi]) * (grid[hi] - grid[hi - 1]);
        return right - left;
    }

    @Test
    void aSupercellDescriptionOfTheSameSampleGivesTheSamePattern() {
        // Rietveld scale relation: I ∝ w·|F|²/(ZM·V); doubling the cell quadruples |F|² and doubles ZM and V
        CrystalStructure conventional = rockSalt(5.64);
        List<Site> doubled = new ArrayList<>();
        for (Site s : conventional.unitCell()) {
            doubled.add(new Site(s.label(), s.element(), s.typeSymbol(), s.x() / 2, s.y(), s.z(), 1, Double.NaN));
            doubled.add(new Site(s.label(), s.element(), s.typeSymbol(), s.x() / 2 + 0.5, s.y(), s.z(), 1, Double.NaN));
        }
        CrystalStructure supercell = CrystalStructure.fromAsymmetricUnit("nacl-2x1x1",
                new Lattice(11.28, 5.64, 5.64, 90, 90, 90), SpaceGroup.triclinicP1(), doubled);
        double[] grid = PatternProfile.grid(20, 80, 0.01);
        InstrumentProfile lab = InstrumentProfile.labDiffractometer();

        double[] a = PatternProfile.phaseProfile(PhaseContribution.pure(conventional), lab, grid);
        double[] b = PatternProfile.phaseProfile(PhaseContribution.pure(supercell), lab, grid);

        double max = java.util.Arrays.stream(a).max().orElseThrow();
        for (int i = 0; i < grid.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(1e-9 * max));
        }
    }

    @Test
    void weightFractionsComeBackFromFittedScales() {
        CrystalStructure si = silicon();
        CrystalStructure nacl = rockSalt(5.64);
        double[] grid = PatternProfile.grid(20, 80, 0.02);
        InstrumentProfile lab = InstrumentProfile.labDiffractometer();
        double[] mixture = PatternProfile.compute(List.of(
                new PhaseContribution(si, 0.3, 80, 1.0), new PhaseContribution(nacl, 0.7, 80, 1.0)), lab, grid);

        // basis profiles at unit weight; least squares for the two scales
        double[] p = PatternProfile.phaseProfile(new PhaseContribution(si, 1, 80, 1.0), lab, grid);
        double[] q = PatternProfile.phaseProfile(new PhaseContribution(nacl, 1, 80, 1.0), lab, grid);
        double pp = 0;
        double pq = 0;
        double qq = 0;
        double py = 0;
        double qy = 0;
        for (int i = 0; i < grid.length; i++) {
            pp += p[i] * p[i];
            pq += p[i] * q[i];
            qq += q[i] * q[i];
            py += p[i] * mixture[i];
            qy += q[i] * mixture[i];
        }
        double det = pp * qq - pq * pq;
        // scales per unit Rietveld factor, the way a fitter using S·|F|² without the factor would report them
        double sSi = (py * qq - qy * pq) / det / PatternProfile.rietveldFactor(si, 1);
        double sNacl = (qy * pp - py * pq) / det / PatternProfile.rietveldFactor(nacl, 1);

        double[] w = PatternProfile.weightFractions(new double[] {sSi, sNacl}, List.of(si, nacl), new double[] {1, 1});

        assertThat(w[0]).isCloseTo(0.3, within(1e-9));
        assertThat(w[1]).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void latticeScaleAndZeroShiftMovePeaksWhereTheStrainedCellPutsThem() {
        CrystalStructure si = silicon();
        double[] grid = PatternProfile.grid(20, 90, 0.001);
        double scale = 1.012;
        InstrumentProfile shifted = SHARP.withZeroShift(0.05);

        double[] y = PatternProfile.phaseProfile(new PhaseContribution(si, 1, 0, scale), shifted, grid);

        for (Reflection r : PowderDiffraction.peaks(si.strained(scale), MONO, 20, 88)) {
            if (r.relativeIntensity() > 5) {
                assertThat(maximumNear(grid, y, r.twoThetaDeg() + 0.05, 0.1)).isCloseTo(r.twoThetaDeg() + 0.05,
                        within(0.0011));
            }
        }
    }

    @Test
    void thompsonCoxHastingsLimitsArePureGaussianAndPureLorentzian() {
        assertThat(PatternProfile.thompsonCoxHastings(0.1, 0)[0]).isCloseTo(0.1, within(1e-12));
        assertThat(PatternProfile.thompsonCoxHastings(0.1, 0)[1]).isCloseTo(0, within(1e-12));
        assertThat(PatternProfile.thompsonCoxHastings(1e-9, 0.1)[0]).isCloseTo(0.1, within(1e-6));
        assertThat(PatternProfile.thompsonCoxHastings(1e-9, 0.1)[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void countingNoiseIsReproducibleFromItsSeedAndPoissonDistributed() {
        double[] expected = new double[20000];
        java.util.Arrays.fill(expected, 0, 10000, 4.0);
        java.util.Arrays.fill(expected, 10000, 20000, 400.0);

        double[] a = new CountingNoise(42).apply(expected);
        double[] b = new CountingNoise(42).apply(expected);
        double[] c = new CountingNoise(43).apply(expected);

        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        for (int block = 0; block < 2; block++) {
            double mean = 0;
            double var = 0;
            for (int i = block * 10000; i < (block + 1) * 10000; i++) {
                mean += a[i];
            }
            mean /= 10000;
            for (int i = block * 10000; i < (block + 1) * 10000; i++) {
                var += (a[i] - mean) * (a[i] - mean);
            }
            var /= 9999;
            double lambda = expected[block * 10000];
            // 5 standard errors of the mean and of the variance
            assertThat(mean).isCloseTo(lambda, within(5 * Math.sqrt(lambda / 10000)));
            assertThat(var).isCloseTo(lambda, within(5 * lambda * Math.sqrt(2.0 / 10000) + 5 * Math.sqrt(lambda / 10000)));
        }
    }

    @Test
    void chebyshevBackgroundEvaluatesTheSeries() {
        Background b = new Background(new double[] {100, 10, 5, 2}, 10, 90);

        // x = -1, 0, 1 at 10°, 50°, 90°: T0..T3 = (1,-1,1,-1), (1,0,-1,0), (1,1,1,1)
        assertThat(b.at(10)).isCloseTo(100 - 10 + 5 - 2, within(1e-12));
        assertThat(b.at(50)).isCloseTo(100 - 5, within(1e-12));
        assertThat(b.at(90)).isCloseTo(100 + 10 + 5 + 2, within(1e-12));
        // x = 0.5: T2 = 2x²−1 = −0.5, T3 = 4x³−3x = −1
        assertThat(b.at(70)).isCloseTo(100 + 5 - 2.5 - 2, within(1e-12));
    }
}
