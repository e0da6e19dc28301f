package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.athanor.safety.lab.LabState;
import org.athanor.units.Units;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantities and units (RULES.md §5): °C, K and °F compare after conversion; wrong, unknown or negative units are errors. */
class UnitsAndQuantitiesTest {

    private static final Gate GATE = gate();
    private static final LabState LAB = LabState.defaultSimulatedLab();
    private static final String FURNACE_MAX = EnvelopeRulesTest.FURNACE_MAX;

    private static Workflow boxAt(double temperature, String unit) {
        return solidState("BaTiO3", heat("heat", "s1", "box-furnace-1", "alumina", Atmosphere.AIR,
                segment(temperature, unit, 5, "°C/min", 4)), "BaCO3", "1.69", "TiO2", "0.68");
    }

    @ParameterizedTest(name = "{0} {1}: rejected={2}")
    @CsvSource({
        "1500, K, true", "1473.15, K, false", "1473.16, K, true", "1473.14, K, false",
        "2192, °F, false", "2192.1, °F, true", "2000, °F, false", "2200, °F, true",
        "1200, °C, false", "1201, °C, true", "1200, degC, false", "1201, C, true", "1474, kelvin, true"})
    void temperaturesInEveryUnitAreComparedInCelsius(double value, String unit, boolean rejected) {
        Verdict v = GATE.vet(boxAt(value, unit), LAB);
        assertThat(errorRules(v).contains(FURNACE_MAX)).isEqualTo(rejected);
        assertThat(v.approved()).isEqualTo(!rejected);
    }

    @Test
    void fifteenHundredKelvinIsReportedAs1226Point85Celsius() {
        Violation v = GATE.vet(boxAt(1500, "K"), LAB).errors().get(0);
        assertThat(v.message()).contains("1226.85 °C");
    }

    @ParameterizedTest(name = "ramp {0} {1}: rejected={2}")
    @CsvSource({"10, K/min, false", "10.5, K/min, true", "18, °F/min, false", "18.5, °F/min, true", "600, °C/h, false",
        "601, °C/h, true", "0.17, °C/s, true", "0.16, °C/s, false"})
    void rampRatesInEveryUnitAreComparedInCelsiusPerMinute(double value, String unit, boolean rejected) {
        Workflow w = solidState("ZnO", heat("heat", "s1", "box-furnace-1", "alumina", Atmosphere.AIR,
                segment(900, "°C", value, unit, 2)), "ZnO", "1");
        assertThat(errorRules(GATE.vet(w, LAB)).contains(EnvelopeRulesTest.RAMP)).isEqualTo(rejected);
    }

    @Test
    void aMassGivenInCelsiusIsAnError() {
        Verdict v = GATE.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 2, "°C")), LAB);
        assertThat(errorRules(v)).containsExactly("Every quantity is measured in a unit of its kind");
        assertThat(v.errors().get(0).message()).contains("mass").contains("°C");
    }

    @Test
    void aTemperatureGivenInGramsIsAnErrorAndIsNotComparedAsCelsius() {
        Verdict v = GATE.vet(boxAt(5000, "g"), LAB);
        assertThat(errorRules(v)).containsExactly("Every quantity is measured in a unit of its kind");
    }

    @Test
    void anUnknownUnitIsAnError() {
        Verdict v = GATE.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 2, "spoonfuls")), LAB);
        assertThat(errorRules(v)).containsExactly("Every quantity uses a unit the lab knows");
    }

    @ParameterizedTest(name = "{0} g")
    @CsvSource({"-1", "-0.001"})
    void aNegativeMassIsAnError(double grams) {
        Verdict v = GATE.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", grams)), LAB);
        assertThat(errorRules(v)).contains("No quantity is negative");
    }

    @Test
    void aNegativeHoldAndANegativeTemperatureAreErrors() {
        Workflow w = solidState("ZnO", heat("heat", "s1", "box-furnace-1", "alumina", Atmosphere.AIR,
                segment(-20, "°C", 5, "°C/min", -1)), "ZnO", "1");
        Verdict v = GATE.vet(w, LAB);
        assertThat(v.errors()).filteredOn(e -> e.rule().equals("No quantity is negative")).hasSize(2);
    }

    @Test
    void aNotANumberMassIsAnError() {
        Verdict v = GATE.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", Double.NaN)), LAB);
        assertThat(errorRules(v)).containsExactly("Every quantity is a finite number");
    }

    @Test
    void powderPerCrucibleIsCappedAtItsCapacity() {
        Workflow atCapacity = solidState("BaTiO3", heatAir("heat", "s1", 1100), "BaCO3", "10", "TiO2", "5");
        Workflow over = solidState("BaTiO3", heatAir("heat", "s1", 1100), "BaCO3", "10", "TiO2", "5.01");
        assertThat(GATE.vet(atCapacity, LAB).errors()).isEmpty();
        assertThat(errorRules(GATE.vet(over, LAB))).containsExactly("Powder in one crucible stays within the crucible's capacity");
    }

    @Test
    void capacityAddsMilligramsAndGramsAlike() {
        Workflow over = workflow("BaTiO3", dispense("d1", "s1", "BaCO3", 14.999), dispense("d2", "s1", "TiO2", 6, "mg"),
                heatAir("heat", "s1", 1100));
        assertThat(errorRules(GATE.vet(over, LAB))).containsExactly("Powder in one crucible stays within the crucible's capacity");
    }

    @Test
    void anXrdRangeInRadiansIsConverted() {
        Step scan = step("x", Action.XRD, "xrd-1", "s1", Map.of("twoThetaStart", q(0.2, "rad"), "twoThetaEnd", q(2.5, "rad")));
        // 0.2 rad = 11.5°, 2.5 rad = 143.2° > 140°
        assertThat(errorRules(GATE.vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), scan), LAB)))
                .containsExactly("A diffractometer scans only within its 2θ range");
    }

    @Provide
    Arbitrary<String> temperatureUnits() {
        return Arbitraries.of("°C", "K", "°F");
    }

    /** Any peak above the box furnace's 1200 °C, written in any unit, is rejected. */
    @Property(tries = 60)
    void anyTemperatureAboveTheBoxFurnaceLimitInAnyUnitIsRejected(
            @ForAll @DoubleRange(min = 1200.01, max = 3000) double celsius, @ForAll("temperatureUnits") String unit) {
        double written = Units.convert(celsius, "°C", unit);
        Verdict v = GATE.vet(boxAt(written, unit), LAB);
        assertThat(errorRules(v)).contains(FURNACE_MAX);
    }

    /** Any peak at or below 1200 °C, in any unit, passes the furnace limit. */
    @Property(tries = 60)
    void anyTemperatureWithinTheBoxFurnaceLimitInAnyUnitIsApproved(
            @ForAll @DoubleRange(min = 200, max = 1199.99) double celsius, @ForAll("temperatureUnits") String unit) {
        double written = Units.convert(celsius, "°C", unit);
        Verdict v = GATE.vet(boxAt(written, unit), LAB);
        assertThat(v.errors()).isEmpty();
    }
}
