package org.athanor.instruments.analysis.raman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.athanor.instruments.analysis.TwoColumnFixture;
import org.athanor.instruments.analysis.signal.FittedPeak;
import org.junit.jupiter.api.Test;

class RamanAnalyzerTest {

    private static final String DIR = "/org/athanor/instruments/analysis/raman/";
    private final RamanAnalyzer analyzer = RamanAnalyzer.withShippedReferences();

    @Test
    void findsSiliconAt520WavenumbersAfterTheAxisCorrection() {
        RamanAnalysis result = analyzer.analyze(TwoColumnFixture.raman(DIR + "S0N10_iR532_Probe_100_30000msx3_shift_counts.csv"));

        assertThat(result.phases()).extracting(RamanPhaseMatch::phase).containsExactly("silicon");
        FittedPeak tallest = result.peaks().stream().max(java.util.Comparator.comparingDouble(FittedPeak::height)).orElseThrow();
        assertThat(tallest.position() + result.axisOffset()).isCloseTo(520.45, within(1.0));
        assertThat(Math.abs(result.axisOffset())).isLessThanOrEqualTo(4.0);
        assertThat(tallest.fwhm()).isBetween(2.0, 15.0);
    }

    @Test
    void identifiesPolystyreneAt532NanometresAndNothingElse() {
        RamanAnalysis result = analyzer.analyze(TwoColumnFixture.raman(DIR + "PST10_iR532_Probe_100_3000msx7_shift_counts.csv"));

        assertThat(result.phases()).extracting(RamanPhaseMatch::phase).containsExactly("polystyrene");
        assertPolystyreneLinesWithinTwoWavenumbers(result);
    }

    @Test
    void identifiesPolystyreneAt785NanometresAndNothingElse() {
        RamanAnalysis result = analyzer.analyze(TwoColumnFixture.raman(DIR + "PST10_iR785_OP01_40000msx4.txt"));

        assertThat(result.phases()).extracting(RamanPhaseMatch::phase).containsExactly("polystyrene");
        assertPolystyreneLinesWithinTwoWavenumbers(result);
    }

    private static void assertPolystyreneLinesWithinTwoWavenumbers(RamanAnalysis result) {
        RamanPhaseMatch ps = result.phases().get(0);
        for (double line : List.of(1001.4, 1031.8, 1602.3)) {
            assertThat(ps.matched()).as("line %s", line)
                    .anySatisfy(m -> {
                        assertThat(m.reference().shift()).isEqualTo(line);
                        assertThat(m.observedShift()).isCloseTo(line, within(2.0));
                    });
        }
        assertThat(ps.score()).isGreaterThan(0.8);
    }

    @Test
    void shippedTableHasEveryPhaseTheSimulatedLabMakesWithItsSource() {
        List<RamanReference> refs = RamanReference.shipped();
        assertThat(refs).extracting(RamanReference::formula)
                .contains("BaTiO3", "TiO2", "BaCO3", "LiFePO4", "MgAl2O4", "Si");
        assertThat(refs).flatExtracting(RamanReference::modes).allSatisfy(m -> assertThat(m.source()).isNotBlank());
    }
}
