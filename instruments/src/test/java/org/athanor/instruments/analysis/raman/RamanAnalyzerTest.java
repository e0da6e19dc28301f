package org.athanor.instruments.analysis.raman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.instruments.analysis.TwoColumnFixture;
import org.athanor.instruments.analysis.signal.FittedPeak;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.materials.Element;
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

    /** A Ba–Ti–O sample fired in air: its cations, and the O, C, H, N that carbonate precursors and air can bring. */
    private static final Set<Element> BA_TI_O_SAMPLE = EnumSet.of(Element.Ba, Element.Ti, Element.O, Element.C, Element.H, Element.N);

    @Test
    void aBandNear520FromABaTiO3SampleIsNotCalledSilicon() {
        RamanSpectrum spectrum = tetragonalBaTiO3();

        // Unrestricted, the one-band Si reference takes BaTiO3's 518 cm⁻¹ band: the defect the restriction removes.
        assertThat(analyzer.analyze(spectrum).phases()).extracting(RamanPhaseMatch::formula).contains("Si", "BaTiO3");

        RamanAnalysis result = analyzer.restrictedTo(BA_TI_O_SAMPLE).analyze(spectrum);
        assertThat(result.phases()).extracting(RamanPhaseMatch::formula).containsExactly("BaTiO3");
        assertThat(result.notes()).noneMatch(n -> n.contains("not explained"));
    }

    @Test
    void theSameBandIsSiliconWhenTheSampleHoldsSilicon() {
        Set<Element> withSilicon = EnumSet.copyOf(BA_TI_O_SAMPLE);
        withSilicon.add(Element.Si);

        RamanAnalysis result = analyzer.restrictedTo(withSilicon).analyze(tetragonalBaTiO3());

        assertThat(result.phases()).extracting(RamanPhaseMatch::formula).containsExactlyInAnyOrder("Si", "BaTiO3");
    }

    @Test
    void aSiliconWaferIsFoundInASiliconSampleAndNothingIsFoundInABaTiO3One() {
        RamanSpectrum wafer = TwoColumnFixture.raman(DIR + "S0N10_iR532_Probe_100_30000msx3_shift_counts.csv");

        assertThat(analyzer.restrictedTo(EnumSet.of(Element.Si, Element.O)).analyze(wafer).phases())
                .extracting(RamanPhaseMatch::phase).containsExactly("silicon");
        RamanAnalysis baTiO3 = analyzer.restrictedTo(BA_TI_O_SAMPLE).analyze(wafer);
        assertThat(baTiO3.phases()).isEmpty();
        assertThat(baTiO3.notes()).contains("no reference phase matched");
    }

    @Test
    void restrictionKeepsExactlyThePhasesMadeOfTheSamplesElements() {
        assertThat(analyzer.restrictedTo(BA_TI_O_SAMPLE).references()).extracting(RamanReference::phase)
                .containsExactly("polystyrene", "anatase", "rutile", "BaTiO3-tetragonal", "witherite");
    }

    @Test
    void everyShippedPhaseHasElementsTheRestrictionCanRead() {
        assertThat(RamanReference.shipped()).allSatisfy(r -> assertThat(r.elements()).as(r.phase()).isNotEmpty());
        assertThat(RamanReference.shipped()).filteredOn(r -> r.phase().equals("polystyrene")).singleElement()
                .satisfies(r -> assertThat(r.elements()).containsExactlyInAnyOrder(Element.C, Element.H));
    }

    /**
     * Tetragonal BaTiO3 as the simulated lab's spectrometer draws it (simulators' modes.csv: Pokorny et al. 2011):
     * Lorentzians at 260 (FWHM 60), 306 (8), 517 (45) and 716 (40) cm⁻¹ on a sloping background, 100–1200 cm⁻¹ at
     * 1 cm⁻¹, with a fixed ±1 % ripple standing in for noise.
     */
    private static RamanSpectrum tetragonalBaTiO3() {
        double[][] bands = {{260, 100, 60}, {306, 45, 8}, {517, 85, 45}, {716, 35, 40}};
        int n = 1101;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 + i;
            double v = 50 + 0.02 * x[i];
            for (double[] b : bands) {
                double h = b[2] / 2;
                v += 100 * b[1] * h * h / ((x[i] - b[0]) * (x[i] - b[0]) + h * h);
            }
            y[i] = v * (1 + 0.01 * Math.sin(1.7 * i));
        }
        return new RamanSpectrum(x, y, Map.of());
    }

    @Test
    void shippedTableHasEveryPhaseTheSimulatedLabMakesWithItsSource() {
        List<RamanReference> refs = RamanReference.shipped();
        assertThat(refs).extracting(RamanReference::formula)
                .contains("BaTiO3", "TiO2", "BaCO3", "LiFePO4", "MgAl2O4", "Si");
        assertThat(refs).flatExtracting(RamanReference::modes).allSatisfy(m -> assertThat(m.source()).isNotBlank());
    }
}
