package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import java.util.Set;
import org.athanor.safety.lab.Instrument;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instrument envelope (RULES.md §1): each limit at, just below and just above its boundary. */
class EnvelopeRulesTest {

    static final String FURNACE_MAX = "A furnace heats no higher than its rated maximum temperature";
    static final String RAMP = "A furnace ramps no faster than its rated ramp rate";

    private final Gate gate = gate();
    private final LabState lab = LabState.defaultSimulatedLab();

    private Verdict vet(Workflow w) {
        return gate.vet(w, lab);
    }

    private Workflow titanate(String furnace, double celsius, double ramp) {
        return solidState("BaTiO3", heat("heat", "s1", furnace, "alumina", Atmosphere.AIR, HeatSegment.celsius(celsius, ramp, 4)),
                "BaCO3", "1.69", "TiO2", "0.68");
    }

    @ParameterizedTest(name = "{0} at {1} °C: rejected={2}")
    @CsvSource({
        "box-furnace-1, 1199, false", "box-furnace-1, 1200, false", "box-furnace-1, 1201, true", "box-furnace-1, 1200.01, true",
        "box-furnace-2, 1201, true", "tube-furnace-1, 1499, false", "tube-furnace-1, 1500, false", "tube-furnace-1, 1501, true"})
    void furnaceTemperatureIsCappedAtItsRating(String furnace, double celsius, boolean rejected) {
        Verdict v = vet(titanate(furnace, celsius, 5));
        assertThat(errorRules(v).contains(FURNACE_MAX)).isEqualTo(rejected);
        assertThat(v.approved()).isEqualTo(!rejected);
    }

    @ParameterizedTest(name = "ramp {0} °C/min: rejected={1}")
    @CsvSource({"9.9, false", "10, false", "10.1, true", "30, true"})
    void furnaceRampIsCappedAtItsRating(double ramp, boolean rejected) {
        Verdict v = vet(titanate("box-furnace-1", 1000, ramp));
        assertThat(errorRules(v).contains(RAMP)).isEqualTo(rejected);
        assertThat(v.approved()).isEqualTo(!rejected);
    }

    @ParameterizedTest(name = "dose {0} {1}: rule={2}")
    @CsvSource({
        "4.9, mg, The dispenser doses no less than its smallest dose", "5, mg, ", "20, g, ", "20000, mg, ",
        "20.01, g, The dispenser doses no more than its largest dose", "0.021, kg, The dispenser doses no more than its largest dose"})
    void dispenserDosesWithinItsRange(double mass, String unit, String rule) {
        Verdict v = vet(workflow("ZnO", dispense("d1", "s1", "ZnO", mass, unit)));
        if (rule == null) {
            assertThat(v.violations()).isEmpty();
        } else {
            assertThat(errorRules(v)).containsExactly(rule);
        }
    }

    @Test
    void dispenserRefusesAMaterialNotInTheInventory() {
        Verdict v = vet(workflow("Ag", dispense("d1", "s1", "AgNO3", 1)));
        assertThat(errorRules(v)).contains("The dispenser doses only materials in the lab's inventory");
        Verdict stocked = gate.vet(workflow("Ag", dispense("d1", "s1", "AgNO3", 1)), lab.withInventory(Set.of("AgNO3")));
        assertThat(errorRules(stocked)).doesNotContain("The dispenser doses only materials in the lab's inventory");
    }

    @ParameterizedTest(name = "{0}: stocked={1}")
    @CsvSource({"NKO3, true", "O3NK, true", "C6H8O7, true", "H8C6O7, true", "NAgO3, false", "K2S2O8, false"})
    void theInventoryHoldsACompoundHoweverItsFormulaIsWritten(String formula, boolean stocked) {
        Verdict v = vet(workflow("X", dispense("d1", "s1", formula, 1)));
        assertThat(errorRules(v).contains("The dispenser doses only materials in the lab's inventory")).isEqualTo(!stocked);
    }

    @ParameterizedTest(name = "mill {0} min: rejected={1}")
    @CsvSource({"59, false", "60, false", "61, true"})
    void millRunsAtMostSixtyMinutes(double minutes, boolean rejected) {
        Verdict v = vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), mix("m", "s1", minutes)));
        assertThat(errorRules(v).contains("A mill runs no longer than its longest run")).isEqualTo(rejected);
    }

    @ParameterizedTest(name = "2θ {0}–{1}: rejected={2}")
    @CsvSource({"5, 140, false", "4.9, 80, true", "10, 140.1, true", "10, 80, false"})
    void diffractometerScansWithinItsRange(double start, double end, boolean rejected) {
        Verdict v = vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), xrd("x", "s1", start, end)));
        assertThat(errorRules(v).contains("A diffractometer scans only within its 2θ range")).isEqualTo(rejected);
    }

    @ParameterizedTest(name = "{0} nm at {1} mW: {2}")
    @CsvSource({
        "532, 100, ", "785, 1, ", "633, 10, The Raman spectrometer uses only its installed laser lines",
        "532, 100.5, Raman laser power at the sample stays within the instrument's maximum",
        "785, 0.2, W"})
    void ramanUsesInstalledLasersWithinPower(double nm, double mW, String rule) {
        Verdict v = vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), raman("r", "s1", nm, mW)));
        if (rule == null) {
            assertThat(v.violations()).isEmpty();
        } else if (rule.equals("W")) {
            // 0.2 mW is fine; this row checks the unit conversion path with a non-default unit below
            assertThat(v.violations()).isEmpty();
        } else {
            assertThat(errorRules(v)).containsExactly(rule);
        }
    }

    @Test
    void aMissingLaserLineIsAnsweredWithTheInstalledLinesInWords() {
        Verdict v = vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), raman("r", "s1", 1064, 10)));
        assertThat(v.violations()).singleElement().extracting(org.athanor.safety.Violation::message)
                .isEqualTo("raman-1 has lasers at 532, 785 nm; there is no 1064 nm line.");
    }

    @Test
    void ramanPowerGivenInWattsIsConvertedBeforeComparison() {
        var step = step("r", org.athanor.workflow.Action.RAMAN, "raman-1", "s1",
                java.util.Map.of("laserWavelength", q(532, "nm"), "laserPower", q(0.2, "W")));
        Verdict v = vet(workflow("ZnO", dispense("d1", "s1", "ZnO", 1), step));
        assertThat(errorRules(v)).containsExactly("Raman laser power at the sample stays within the instrument's maximum");
    }

    @Test
    void twoCruciblesThatCouldShareTheOneSlotTubeFurnaceAreRejected() {
        Workflow w = workflow("ZnO",
                dispense("d1", "s1", "ZnO", 1), dispense("d2", "s2", "ZnO", 1),
                after(heat("h1", "s1", "tube-furnace-1", "alumina", Atmosphere.AIR, HeatSegment.celsius(900, 5, 2)), "d1", "d2"),
                after(heat("h2", "s2", "tube-furnace-1", "alumina", Atmosphere.AIR, HeatSegment.celsius(900, 5, 2)), "d1", "d2"));
        assertThat(errorRules(vet(w))).contains("An instrument holds no more samples at once than it has slots");
        Workflow ordered = workflow("ZnO", w.steps().get(0), w.steps().get(1), w.steps().get(2), after(w.steps().get(3), "h1"));
        assertThat(vet(ordered).violations()).isEmpty();
    }

    @Test
    void fourUnorderedCruciblesFitTheBoxFurnaceButFiveDoNot() {
        assertThat(errorRules(vet(parallelHeats(5)))).contains("An instrument holds no more samples at once than it has slots");
        assertThat(vet(parallelHeats(4)).violations()).isEmpty();
    }

    /** n samples filled, then n heat steps in box-furnace-1 that all wait only for the fills: they may run together. */
    private static Workflow parallelHeats(int n) {
        java.util.List<org.athanor.workflow.Step> steps = new java.util.ArrayList<>();
        java.util.List<String> fills = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            steps.add(dispense("d" + i, "s" + i, "ZnO", 1));
            fills.add("d" + i);
        }
        for (int i = 1; i <= n; i++) {
            steps.add(after(heatAir("h" + i, "s" + i, 900), fills.toArray(String[]::new)));
        }
        return workflow("ZnO", steps.toArray(org.athanor.workflow.Step[]::new));
    }

    @Test
    void limitsComeFromTheLabConfigurationNotFromTheRules() {
        Instrument box = lab.instrument("box-furnace-1").orElseThrow();
        Instrument hotter = new Instrument(box.id(), box.kind(), box.actions(), 1300, box.maxRampCPerMin(), box.slots(),
                box.gases(), box.maxH2Percent(), box.exhaust(), box.minDoseG(), box.maxDoseG(), box.maxMixMinutes(),
                box.twoThetaMinDeg(), box.twoThetaMaxDeg(), box.lasersNm(), box.maxLaserPowerMw(), box.maxPickTemperatureC(),
                box.maxLoadTemperatureC(), box.heartbeatTimeoutS(), "test lab: box rated 1300 °C");
        Workflow w = titanate("box-furnace-1", 1250, 5);
        assertThat(errorRules(vet(w))).contains(FURNACE_MAX);
        Verdict v = gate.vet(w, lab.withInstrument(hotter));
        assertThat(v.violations()).isEmpty();
    }

    @Test
    void furnaceViolationNamesTheLimitItsSourceAndTheStep() {
        Violation v = vet(titanate("box-furnace-1", 1201, 5)).errors().get(0);
        assertThat(v.step()).isEqualTo("heat");
        assertThat(v.message()).contains("1200 °C").contains("1201 °C");
        assertThat(v.source()).contains("box-furnace-1");
        assertThat(v.severity()).isEqualTo(Severity.ERROR);
    }
}
