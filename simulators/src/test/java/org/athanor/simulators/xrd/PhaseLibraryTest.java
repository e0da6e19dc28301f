package org.athanor.simulators.xrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.athanor.crystal.PatternProfile;
import org.junit.jupiter.api.Test;

class PhaseLibraryTest {

    private static final PhaseLibrary LIBRARY = PhaseLibrary.load();

    private static double strongestPeakDeg(String phase, double sizeNm) {
        double[] grid = PatternProfile.grid(10, 80, 0.01);
        double[] y = LIBRARY.calculator().intensities(Map.of(phase, 1.0), Map.of(phase, sizeNm), grid);
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return grid[best];
    }

    @Test
    void everyStructureOfTheWorldLoadsWithTheRightComposition() {
        assertThat(LIBRARY.structures()).containsKeys("BaTiO3", "BaCO3", "TiO2", "MgAl2O4", "LiFePO4", "Fe2O3", "ZnAl2O4");
        // Densities against handbook values (CRC): BaTiO3 6.02, witherite 4.29, rutile 4.25, spinel 3.58 g/cm³.
        assertThat(LIBRARY.structures().get("BaTiO3").density()).isCloseTo(6.02, within(0.05));
        assertThat(LIBRARY.structures().get("BaCO3").density()).isCloseTo(4.29, within(0.05));
        assertThat(LIBRARY.structures().get("TiO2").density()).isCloseTo(4.25, within(0.05));
        assertThat(LIBRARY.structures().get("MgAl2O4").density()).isCloseTo(3.58, within(0.05));
    }

    @Test
    void strongestLinesSitWhereThePowderFilesPutThem() {
        // ICDD-style reference positions, Cu Kα: BaTiO3 (110) 31.5°, witherite (111) 23.9°, rutile (110) 27.4°,
        // spinel (311) 36.9°, periclase (200) 42.9°. (Corundum is left out: its three strongest lines are within 6 %.)
        assertThat(strongestPeakDeg("BaTiO3", 200)).isCloseTo(31.5, within(0.2));
        assertThat(strongestPeakDeg("BaCO3", 200)).isCloseTo(23.9, within(0.2));
        assertThat(strongestPeakDeg("TiO2", 200)).isCloseTo(27.4, within(0.2));
        assertThat(strongestPeakDeg("MgAl2O4", 200)).isCloseTo(36.9, within(0.2));
        assertThat(strongestPeakDeg("MgO", 200)).isCloseTo(42.9, within(0.2));
    }

    @Test
    void phasesWithoutAStructureAreUnknownToTheCalculator() {
        assertThat(LIBRARY.calculator().knows("Ba2TiO4")).isFalse();
        assertThat(LIBRARY.calculator().knows("BaTiO3")).isTrue();
    }
}
