package org.athanor.agent.planner.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatProfileTableTest {

    private final HeatProfileTable table = HeatProfileTable.standard();

    @Test
    void everyRowCitesASourceAndStaysWithinTheLabsHottestFurnace() {
        assertThat(table.entries()).hasSizeGreaterThan(15).allSatisfy(e -> {
            assertThat(e.source()).isNotBlank();
            assertThat(e.temperatureC()).isBetween(300.0, 1500.0);
            assertThat(e.holdH()).isPositive();
            assertThat(e.rampCPerMin()).isBetween(1.0, 10.0);
        });
    }

    @Test
    void familiesAreMatchedByTheirElements() {
        assertThat(table.lookup(Map.of("Li", 1.0, "Fe", 1.0, "P", 1.0, "O", 4.0)).family()).isEqualTo("olivine phosphate");
        assertThat(table.lookup(Map.of("Ba", 1.0, "Ti", 1.0, "O", 3.0)).family()).isEqualTo("perovskite titanate");
        assertThat(table.lookup(Map.of("Ca", 2.0, "Si", 1.0, "O", 4.0)).family()).isEqualTo("calcium silicate");
        assertThat(table.lookup(Map.of("Ca", 1.0, "O", 1.0)).family()).isEqualTo("alkaline-earth oxide by calcination");
        assertThat(table.lookup(Map.of("Gd", 2.0, "Hf", 2.0, "O", 7.0)).family()).isEqualTo("default oxide");
    }

    @Test
    void reducedCationsAskForInertGasAndNickelRichOxidesForOxygen() {
        assertThat(Redox.preferredAtmosphere(Map.of("Fe", 3.0, "O", 4.0))).isEqualTo("Ar");
        assertThat(Redox.preferredAtmosphere(Map.of("Fe", 2.0, "O", 3.0))).isEqualTo("air");
        assertThat(Redox.preferredAtmosphere(Map.of("Mn", 1.0, "O", 1.0))).isEqualTo("Ar");
        assertThat(Redox.preferredAtmosphere(Map.of("Li", 1.0, "Mn", 2.0, "O", 4.0))).isEqualTo("air");
        assertThat(Redox.preferredAtmosphere(Map.of("Li", 1.0, "Fe", 1.0, "P", 1.0, "O", 4.0))).isEqualTo("Ar");
        assertThat(Redox.preferredAtmosphere(Map.of("Li", 1.0, "Ni", 0.8, "Mn", 0.1, "Co", 0.1, "O", 2.0))).isEqualTo("O2");
        assertThat(Redox.averageState(Map.of("Fe", 3.0, "O", 4.0), "Fe").orElseThrow()).isCloseTo(8.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }
}
