package org.athanor.instruments.analysis.xrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.athanor.instruments.formats.XrdPattern;
import org.junit.jupiter.api.Test;

/** The identification machinery on made-up phases with exactly known answers. */
class ToyMixtureTest {

    private static final LibraryPhase CUBIC_A = ToyPhases.phase("cubicA", new double[] {3.10, 2.69, 1.90, 1.62, 1.55, 1.34},
            new double[] {100, 45, 60, 30, 12, 8});
    private static final LibraryPhase HEXAGONAL_B = ToyPhases.phase("hexB", new double[] {4.40, 3.55, 2.48, 2.20, 1.77, 1.41},
            new double[] {70, 100, 35, 50, 25, 20});
    private static final LibraryPhase DECOY_C = ToyPhases.phase("decoyC", new double[] {5.02, 3.30, 2.05, 1.83, 1.48},
            new double[] {100, 80, 40, 55, 30});
    private static final LibraryPhase DECOY_D = ToyPhases.phase("decoyD", new double[] {3.81, 2.91, 2.33, 1.71, 1.29},
            new double[] {100, 60, 70, 45, 25});

    private static XrdPattern mixture(double wA, double strainA, double wB, double strainB, double zero, long seed) {
        double[] grid = ToyPhases.grid(10, 80, 0.02);
        double[] a = CUBIC_A.profile().render(grid, strainA, zero, 80);
        double[] b = HEXAGONAL_B.profile().render(grid, strainB, zero, 40);
        double[] mean = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            mean[i] = 300 + 40 * wA * a[i] + 40 * wB * b[i];
        }
        return new XrdPattern(grid, ToyPhases.counts(mean, seed), Map.of("radiation", "CuKa1"));
    }

    @Test
    void wholePatternFitRecoversWeightFractionsStrainsAndZeroShift() {
        XrdPattern pattern = mixture(0.7, -0.008, 0.3, 0.005, 0.04, 1);
        double[] background = new double[pattern.size()];
        java.util.Arrays.fill(background, 300);
        WholePatternFit fitter = new WholePatternFit(pattern.twoTheta(), pattern.intensity(), background);

        FitResult fit = fitter.fit(List.of(CUBIC_A, HEXAGONAL_B),
                List.of(new PhaseParameters(-0.007, 60), new PhaseParameters(0.004, 60)), 0, 4);

        assertThat(fit.weightFractions()[0]).isCloseTo(0.7, within(0.02));
        assertThat(fit.parameters().get(0).strain()).isCloseTo(-0.008, within(0.0005));
        assertThat(fit.parameters().get(1).strain()).isCloseTo(0.005, within(0.0005));
        assertThat(fit.zeroShift()).isCloseTo(0.04, within(0.02));
        assertThat(fit.rwp()).isLessThan(5);
    }

    @Test
    void identifiesBothPhasesOfAStrainedMixtureAndNoDecoy() {
        PhaseIdentification result = new PhaseIdentifier(List.of(DECOY_C, CUBIC_A, DECOY_D, HEXAGONAL_B))
                .identify(mixture(0.6, -0.01, 0.4, 0.012, -0.03, 2));

        assertThat(result.phases()).extracting(IdentifiedPhase::id).containsExactlyInAnyOrder("cubicA", "hexB");
        IdentifiedPhase a = result.phases().stream().filter(p -> p.id().equals("cubicA")).findFirst().orElseThrow();
        assertThat(a.weightFraction()).isCloseTo(0.6, within(0.03));
        assertThat(a.strain()).isCloseTo(-0.01, within(0.001));
        assertThat(a.confidence()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void reportsNothingForAPatternOfPureBackgroundNoise() {
        double[] grid = ToyPhases.grid(10, 80, 0.02);
        double[] mean = new double[grid.length];
        java.util.Arrays.fill(mean, 500);
        PhaseIdentification result = new PhaseIdentifier(List.of(CUBIC_A, HEXAGONAL_B, DECOY_C))
                .identify(new XrdPattern(grid, ToyPhases.counts(mean, 3), Map.of()));

        assertThat(result.phases()).isEmpty();
        assertThat(result.notes()).isNotEmpty();
    }

    @Test
    void doesNotReportAPhaseThatIsAbsentFromTheLibrary() {
        PhaseIdentification result = new PhaseIdentifier(List.of(DECOY_C, DECOY_D))
                .identify(mixture(1.0, 0, 0.0, 0, 0, 4));

        assertThat(result.phases()).allSatisfy(p -> assertThat(p.confidence()).isLessThan(0.5));
        assertThat(result.notes()).isNotEmpty();
    }
}
