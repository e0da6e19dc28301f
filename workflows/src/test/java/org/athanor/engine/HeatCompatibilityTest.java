package org.athanor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.engine.Workflows.heat;

import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Quantity;
import org.junit.jupiter.api.Test;

class HeatCompatibilityTest {

    private final HeatCompatibility same = HeatCompatibility.SAME_PROGRAM;

    @Test
    void programsWithinTheFurnacesControlAccuracyShareALoad() {
        assertThat(same.compatible(heat("a", "f", "S1", 1000, 2), heat("b", "f", "S2", 1000.8, 2))).isTrue();
    }

    @Test
    void programsInOtherUnitsAreComparedAfterConversion() {
        var kelvin = heat("b", "f", "S2", 1000, 2).withParam("profile",
                java.util.List.of(new org.athanor.workflow.HeatSegment(Quantity.of(1273.15, "K"), Quantity.of(5, "K/min"), Quantity.of(120, "min"))));
        assertThat(same.compatible(heat("a", "f", "S1", 1000, 2), kelvin)).isTrue();
    }

    @Test
    void anotherTemperatureHoldOrAtmosphereIsAnotherProgram() {
        assertThat(same.compatible(heat("a", "f", "S1", 1000, 2), heat("b", "f", "S2", 1010, 2))).isFalse();
        assertThat(same.compatible(heat("a", "f", "S1", 1000, 2), heat("b", "f", "S2", 1000, 3))).isFalse();
        assertThat(same.compatible(heat("a", "f", "S1", 1000, 2), heat("b", "f", "S2", 1000, 2).withParam("atmosphere", Atmosphere.of("Ar")))).isFalse();
    }
}
