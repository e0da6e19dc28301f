package org.athanor.simulators.raman;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RamanSimulatorTest {

    private final RamanSimulator simulator = new RamanSimulator(RamanModes.load());
    private final double[] shift = axis();

    private static double[] axis() {
        double[] x = new double[1501];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 + i;
        }
        return x;
    }

    private double at(double[] y, double cm1) {
        return y[(int) Math.round(cm1 - 100)];
    }

    @Test
    void everyPhaseHasACitedStrongestLineAt100() {
        RamanModes modes = RamanModes.load();
        for (String phase : new String[] {"BaTiO3", "BaCO3", "TiO2", "Al2O3", "MgAl2O4", "LiFePO4", "Fe2O3"}) {
            assertThat(modes.of(phase)).as(phase).isNotEmpty();
            assertThat(modes.of(phase).stream().mapToDouble(RamanModes.Mode::relativeIntensity).max().orElse(0)).isEqualTo(100);
            assertThat(modes.strength(phase)).isGreaterThan(0);
        }
    }

    @Test
    void witheriteShowsItsCarbonateStretchAbovePerovskiteBands() {
        double[] y = simulator.spectrum(Map.of("BaCO3", 1.0), shift, 785, 50, 10, new Random(1));
        assertThat(at(y, 1059)).isGreaterThan(5 * at(y, 900));
    }

    @Test
    void aMixtureCarriesBothPhasesLinesInProportion() {
        double[] rich = simulator.spectrum(Map.of("BaCO3", 0.8, "TiO2", 0.2), shift, 785, 50, 10, new Random(1));
        double[] poor = simulator.spectrum(Map.of("BaCO3", 0.2, "TiO2", 0.8), shift, 785, 50, 10, new Random(1));
        assertThat(at(rich, 1059)).isGreaterThan(at(poor, 1059));
        assertThat(at(poor, 447)).isGreaterThan(at(rich, 447));
    }

    @Test
    void greenExcitationFluorescesMoreThanNearInfrared() {
        double[] green = simulator.spectrum(Map.of("MgO", 1.0), shift, 532, 50, 10, new Random(1));
        double[] red = simulator.spectrum(Map.of("MgO", 1.0), shift, 785, 50, 10, new Random(1));
        assertThat(at(green, 1500)).isGreaterThan(3 * at(red, 1500));
    }
}
