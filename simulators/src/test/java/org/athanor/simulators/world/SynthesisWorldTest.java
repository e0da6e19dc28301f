package org.athanor.simulators.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.athanor.workflow.Atmosphere;
import org.junit.jupiter.api.Test;

class SynthesisWorldTest {

    private final SynthesisWorld world = SynthesisWorld.withDefaults(42);
    private final Random doser = new Random(1);
    private int counter;

    /** A stoichiometric BaTiO3 batch (1 g BaCO3 + matching TiO2), ball-milled for 30 min. */
    private String bariumTitanateBatch() {
        String id = "bt" + (++counter);
        world.dispense(id, "BaCO3", 1973.4, doser);
        world.dispense(id, "TiO2", 798.7, doser);
        world.mix(id, 1800, "ball-mill");
        return id;
    }

    private void hold(String id, double temperatureC, double hours, Atmosphere atmosphere) {
        int steps = (int) Math.ceil(hours / 0.02);
        for (int i = 0; i < steps; i++) {
            world.expose(id, temperatureC, atmosphere, hours / steps);
        }
    }

    private double bariumTitanateAfter(double temperatureC, double hours) {
        String id = bariumTitanateBatch();
        hold(id, temperatureC, hours, Atmosphere.AIR);
        return world.snapshot(id).weightFraction("BaTiO3");
    }

    @Test
    void bariumTitanateYieldRisesWithTemperature() {
        double previous = -1;
        for (double t : new double[] {800, 900, 1000, 1050, 1100, 1150}) {
            double y = bariumTitanateAfter(t, 2);
            assertThat(y).as("BaTiO3 after 2 h at %s °C", t).isGreaterThan(previous);
            previous = y;
        }
    }

    @Test
    void bariumTitanateYieldRisesWithHoldTime() {
        double previous = -1;
        for (double h : new double[] {0.5, 1, 2, 4, 8}) {
            double y = bariumTitanateAfter(1000, h);
            assertThat(y).as("BaTiO3 after %s h at 1000 °C", h).isGreaterThan(previous);
            previous = y;
        }
    }

    @Test
    void coldFiringLeavesCarbonateTitaniaAndTheOrthotitanate() {
        String id = bariumTitanateBatch();
        hold(id, 820, 2, Atmosphere.AIR);
        SampleSnapshot s = world.snapshot(id);
        assertThat(s.weightFraction("BaCO3")).isGreaterThan(0.02);
        assertThat(s.weightFraction("TiO2")).isGreaterThan(0.02);
        assertThat(s.weightFraction("Ba2TiO4")).isGreaterThan(0.02);
    }

    @Test
    void phasePureBariumTitanateNeedsAboutElevenHundredDegrees() {
        assertThat(bariumTitanateAfter(1000, 2)).isLessThan(0.8);
        assertThat(bariumTitanateAfter(1150, 4)).isGreaterThan(0.97);
    }

    @Test
    void bariumTitanateTurnsHexagonalAboveItsTransition() {
        String id = bariumTitanateBatch();
        hold(id, 1150, 4, Atmosphere.AIR);
        double cubicBefore = world.snapshot(id).weightFraction("BaTiO3");
        hold(id, 1490, 2, Atmosphere.AIR);
        SampleSnapshot after = world.snapshot(id);
        assertThat(after.weightFraction("BaTiO3")).isLessThan(cubicBefore - 0.3);
        assertThat(after.weightFraction("BaTiO3-hexagonal")).isGreaterThan(0.3);
    }

    @Test
    void weightFractionsSumToOne() {
        String id = bariumTitanateBatch();
        hold(id, 950, 1, Atmosphere.AIR);
        double sum = world.snapshot(id).phaseWeightFractions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void spinelFormsSlowlyAndIsCompleteOnlyNearFourteenHundred() {
        String a = "sp1";
        world.dispense(a, "MgO", 403.0, doser);
        world.dispense(a, "Al2O3", 1019.6, doser);
        world.mix(a, 1800, "ball-mill");
        hold(a, 1200, 4, Atmosphere.AIR);
        assertThat(world.snapshot(a).weightFraction("MgAl2O4")).isLessThan(0.3);

        String b = "sp2";
        world.dispense(b, "MgO", 403.0, doser);
        world.dispense(b, "Al2O3", 1019.6, doser);
        world.mix(b, 1800, "ball-mill");
        hold(b, 1450, 4, Atmosphere.AIR);
        assertThat(world.snapshot(b).weightFraction("MgAl2O4")).isGreaterThan(0.95);
    }

    private String lithiumIronPhosphateBatch(String id) {
        world.dispense(id, "Li2CO3", 369.5, doser);
        world.dispense(id, "FeC2O4", 1438.7, doser);
        world.dispense(id, "NH4H2PO4", 1150.3, doser);
        world.mix(id, 1800, "ball-mill");
        return id;
    }

    @Test
    void lithiumIronPhosphateFormsUnderArgonButOxidisesInAir() {
        String argon = lithiumIronPhosphateBatch("lfp-ar");
        hold(argon, 650, 3, Atmosphere.of("Ar"));
        assertThat(world.snapshot(argon).weightFraction("LiFePO4")).isGreaterThan(0.9);

        String air = lithiumIronPhosphateBatch("lfp-air");
        hold(air, 650, 3, Atmosphere.AIR);
        SampleSnapshot s = world.snapshot(air);
        assertThat(s.weightFraction("LiFePO4")).isLessThan(0.1);
        assertThat(s.weightFraction("Fe2O3")).isGreaterThan(0.05);
        assertThat(s.weightFraction("Li3Fe2(PO4)3")).isGreaterThan(0.3);
    }

    @Test
    void lithiumIsLostFasterTheLongerTheHold() {
        String shortHold = lithiumIronPhosphateBatch("lfp-short");
        hold(shortHold, 900, 2, Atmosphere.of("Ar"));
        String longHold = lithiumIronPhosphateBatch("lfp-long");
        hold(longHold, 900, 12, Atmosphere.of("Ar"));
        double shortLoss = world.snapshot(shortHold).weightFraction("Fe2P2O7");
        double longLoss = world.snapshot(longHold).weightFraction("Fe2P2O7");
        assertThat(shortLoss).isGreaterThan(0);
        assertThat(longLoss).isGreaterThan(2 * shortLoss);
    }

    @Test
    void lithiumIronPhosphateDecomposesWhenMelted() {
        String id = lithiumIronPhosphateBatch("lfp-hot");
        hold(id, 1050, 2, Atmosphere.of("Ar"));
        SampleSnapshot s = world.snapshot(id);
        assertThat(s.weightFraction("LiFePO4")).isLessThan(0.5);
        assertThat(s.weightFraction("Li3PO4")).isGreaterThan(0.1);
    }

    @Test
    void crystallitesGrowWithTemperatureAndTime() {
        String cool = bariumTitanateBatch();
        hold(cool, 1100, 2, Atmosphere.AIR);
        String hot = bariumTitanateBatch();
        hold(hot, 1200, 2, Atmosphere.AIR);
        String longer = bariumTitanateBatch();
        hold(longer, 1100, 8, Atmosphere.AIR);
        double dCool = world.snapshot(cool).crystalliteSizeNm().get("BaTiO3");
        assertThat(world.snapshot(hot).crystalliteSizeNm().get("BaTiO3")).isGreaterThan(dCool);
        assertThat(world.snapshot(longer).crystalliteSizeNm().get("BaTiO3")).isGreaterThan(dCool);
    }

    @Test
    void batchesScatterButTheSameSeedRepeatsTheWorld() {
        SynthesisWorld twin = SynthesisWorld.withDefaults(42);
        Random twinDoser = new Random(1);
        String a = bariumTitanateBatch();
        hold(a, 1000, 2, Atmosphere.AIR);
        twin.dispense(a, "BaCO3", 1973.4, twinDoser);
        twin.dispense(a, "TiO2", 798.7, twinDoser);
        twin.mix(a, 1800, "ball-mill");
        for (int i = 0; i < 100; i++) {
            twin.expose(a, 1000, Atmosphere.AIR, 0.02);
        }
        assertThat(twin.snapshot(a).weightFraction("BaTiO3")).isCloseTo(world.snapshot(a).weightFraction("BaTiO3"), within(1e-9));

        String b = bariumTitanateBatch();
        hold(b, 1000, 2, Atmosphere.AIR);
        assertThat(world.snapshot(b).weightFraction("BaTiO3")).isNotCloseTo(world.snapshot(a).weightFraction("BaTiO3"), within(1e-4));
    }

    @Test
    void poorMixingSlowsTheReaction() {
        String unmixed = "bt-unmixed";
        world.dispense(unmixed, "BaCO3", 1973.4, doser);
        world.dispense(unmixed, "TiO2", 798.7, doser);
        hold(unmixed, 1050, 3, Atmosphere.AIR);
        String milled = bariumTitanateBatch();
        hold(milled, 1050, 3, Atmosphere.AIR);
        assertThat(world.snapshot(unmixed).weightFraction("BaTiO3")).isLessThan(world.snapshot(milled).weightFraction("BaTiO3"));
    }

    @Test
    void refusesMaterialsOutsideTheInventory() {
        assertThatThrownBy(() -> world.dispense("x", "PuO2", 10, doser)).isInstanceOf(WorldException.class).hasMessageContaining("PuO2");
    }

    @Test
    void dispensingDrawsDownTheInventory() {
        double before = world.inventoryGrams().get("TiO2");
        double actual = world.dispense("inv", "TiO2", 1000, doser);
        assertThat(actual).isCloseTo(1000, within(20.0));
        assertThat(world.inventoryGrams().get("TiO2")).isCloseTo(before - actual / 1000, within(1e-9));
    }

    @Test
    void theChemistryASampleWouldFollowIsKnownBeforeItIsDispensed() {
        assertThat(SynthesisWorld.chemistryFor(java.util.Set.of("BaCO3", "TiO2"))).map(SynthesisWorld.Chemistry::product).hasValue("BaTiO3");
        assertThat(SynthesisWorld.chemistryFor(java.util.Set.of("MgCO3", "Al(OH)3"))).map(SynthesisWorld.Chemistry::product).hasValue("MgAl2O4");
        assertThat(SynthesisWorld.chemistryFor(java.util.Set.of("SrCO3", "TiO2"))).isEmpty();
        assertThat(SynthesisWorld.products()).contains("BaTiO3", "LiFePO4", "ZnAl2O4", "LiMn2O4").doesNotHaveDuplicates();

        SynthesisWorld world = SynthesisWorld.withDefaults(3);
        world.newSample("s", "alumina");
        world.dispense("s", "SrCO3", 500, new Random(1));
        world.dispense("s", "TiO2", 300, new Random(2));
        assertThat(world.chemistryOf("s")).isEqualTo("inert mixture");
    }
}
