package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.agent.optimize.Parameter;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.materials.Composition;
import org.athanor.safety.Gate;
import org.athanor.safety.audit.InMemoryAuditLog;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Constraints;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.Test;

class DesignBoundsTest {

    private static final LabState LAB_STATE = LabState.defaultSimulatedLab();
    private static final LabProfile LAB = LabProfile.of(LAB_STATE);
    private static final Gate GATE = Gate.standard(new ApprovalTokens(new byte[32]), new InMemoryAuditLog());

    private static boolean gate(Workflow w) {
        return GATE.vet(w, LAB_STATE).approved();
    }

    /** 1 g of Li2TiO3 from Li2CO3 + TiO2 as the planner writes it: dispense, mix, load, heat in box-furnace-1, unload. */
    private static Workflow lithiumTitanate(Constraints constraints) {
        double moles = 1 / Composition.parse("Li2TiO3").molarMass();
        return new Workflow("plan-1", "make Li2TiO3", new Target("Li2TiO3", null, null, Quantity.of(1, "g")), constraints, List.of(
                new Step("d1", Action.DISPENSE, "dispenser-1", "S1", null,
                        Map.of("material", "Li2CO3", "mass", Map.of("value", moles * Composition.parse("Li2CO3").molarMass(), "unit", "g"))),
                new Step("d2", Action.DISPENSE, "dispenser-1", "S1", null,
                        Map.of("material", "TiO2", "mass", Map.of("value", moles * Composition.parse("TiO2").molarMass(), "unit", "g"))),
                new Step("mix", Action.MIX, "mill-1", "S1", List.of("d1", "d2"), Map.of("duration", Map.of("value", 30, "unit", "min"), "method", "ball-mill")),
                new Step("load", Action.TRANSFER, "robot-1", "S1", List.of("mix"), Map.of("from", "mill-1", "to", "box-furnace-1")),
                new Step("heat", Action.HEAT, "box-furnace-1", "S1", List.of("load"), Map.of(
                        "profile", List.of(HeatSegment.celsius(800, 5, 12), HeatSegment.celsius(25, 5, 0)),
                        "atmosphere", Atmosphere.AIR, "crucible", "magnesia")),
                new Step("unload", Action.TRANSFER, "robot-1", "S1", List.of("heat"), Map.of("from", "box-furnace-1", "to", "xrd-1")),
                new Step("xrd", Action.XRD, "xrd-1", "S1", List.of("unload"), Map.of(
                        "twoThetaStart", Map.of("value", 10, "unit", "deg"), "twoThetaEnd", Map.of("value", 80, "unit", "deg"),
                        "stepSize", Map.of("value", 0.02, "unit", "deg"), "countTime", Map.of("value", 1, "unit", "s")))));
    }

    private static Constraints limits(Double maxC, Double maxRamp, String gas) {
        return new Constraints(maxC == null ? null : Quantity.of(maxC, "°C"), maxRamp == null ? null : Quantity.of(maxRamp, "°C/min"),
                gas == null ? null : Atmosphere.of(gas), List.of("xrd"), null);
    }

    private static final DesignBounds.Fixed FREE = new DesignBounds.Fixed(false, false, false, false, Set.of(), null);

    private static Map<String, Object> params(ExperimentDesign d, Workflow plan, Object... overrides) {
        Map<String, Object> p = new LinkedHashMap<>(d.startingPoint(plan));
        for (int i = 0; i < overrides.length; i += 2) {
            p.put((String) overrides[i], overrides[i + 1]);
        }
        return p;
    }

    private static double grams(Workflow w, String material) {
        return w.stepsOf(Action.DISPENSE).stream().filter(s -> s.material().orElse("").equals(material)).findFirst()
                .orElseThrow(() -> new AssertionError("no dispense of " + material + " in " + w.steps()))
                .quantity("mass").orElseThrow().grams();
    }

    @Test
    void theBoxRespectsTheGoalsMaximumTemperatureAndRampAndTheFurnaces() {
        var plan = lithiumTitanate(limits(1100.0, 3.0, null));
        var d = DesignBounds.of(plan, LAB, FREE, DesignBoundsTest::gate);
        assertThat(d.temperatureC().max()).isEqualTo(1100);
        assertThat(d.ramp().max()).isEqualTo(3);
        var free = DesignBounds.of(lithiumTitanate(limits(null, null, null)), LAB, FREE, DesignBoundsTest::gate);
        assertThat(free.temperatureC().max()).isEqualTo(1500); // the tube furnace, which runs air too
        assertThat(free.ramp().max()).isEqualTo(10);
        Workflow w = d.apply(plan, "r", 1, params(d, plan, ExperimentDesign.TEMPERATURE, 1400.0, ExperimentDesign.RAMP, 9.0));
        HeatSegment seg = w.step("heat").orElseThrow().profile().get(0);
        assertThat(seg.temperature().celsius()).isEqualTo(1100);
        assertThat(seg.rampRate().celsiusPerMinute()).isEqualTo(3);
    }

    @Test
    void aTargetWithLithiumGetsAnExcessRangeAndLithiumHydroxideAsAnAlternative() {
        var d = DesignBounds.of(lithiumTitanate(limits(1100.0, null, null)), LAB, FREE, DesignBoundsTest::gate);
        assertThat(d.excessElement()).isEqualTo("Li");
        assertThat(d.excessPercent()).isEqualTo(new ExperimentDesign.Range(0, 10));
        assertThat(d.precursors().get("Li")).startsWith("Li2CO3").contains("LiOH·H2O")
                .doesNotContain("LiNO3", "Li2O", "Li"); // oxidiser, water-reactive, metal
        assertThat(d.precursors().get("Ti")).containsExactly("TiO2");
        assertThat(d.atmospheres()).containsExactly("air", "O2", "Ar");
        var space = CampaignRunner.space(d);
        assertThat(space.parameters()).extracting(Parameter::name).contains(ExperimentDesign.RAMP, ExperimentDesign.EXCESS,
                ExperimentDesign.ATMOSPHERE, ExperimentDesign.PRECURSOR + "Li");
    }

    @Test
    void anAlternativePrecursorIsWeighedByStoichiometryForTheSameProductMass() {
        var plan = lithiumTitanate(limits(1100.0, null, null));
        var d = DesignBounds.of(plan, LAB, FREE, DesignBoundsTest::gate);
        Workflow w = d.apply(plan, "r", 2, params(d, plan, ExperimentDesign.PRECURSOR + "Li", "LiOH·H2O"));
        double moles = 1 / Composition.parse("Li2TiO3").molarMass();
        assertThat(grams(w, "LiOH·H2O")).isCloseTo(2 * moles * Composition.parse("LiOH·H2O").molarMass(), within(1e-3));
        assertThat(grams(w, "TiO2")).isCloseTo(moles * Composition.parse("TiO2").molarMass(), within(1e-3));
        assertThat(w.stepsOf(Action.DISPENSE)).extracting(s -> s.material().orElseThrow()).doesNotContain("Li2CO3");
        assertThat(gate(w)).isTrue();
    }

    @Test
    void anExcessWeighsMoreOfTheVolatileElementsPrecursorOnly() {
        var plan = lithiumTitanate(limits(1100.0, null, null));
        var d = DesignBounds.of(plan, LAB, FREE, DesignBoundsTest::gate);
        Workflow w = d.apply(plan, "r", 3, params(d, plan, ExperimentDesign.EXCESS, 5.0));
        double moles = 1 / Composition.parse("Li2TiO3").molarMass();
        assertThat(grams(w, "Li2CO3")).isCloseTo(1.05 * moles * Composition.parse("Li2CO3").molarMass(), within(1e-3));
        assertThat(grams(w, "TiO2")).isCloseTo(moles * Composition.parse("TiO2").molarMass(), within(1e-3));
    }

    @Test
    void anAtmosphereTheBoxFurnaceCannotRunMovesTheExperimentToTheTubeFurnace() {
        var plan = lithiumTitanate(limits(1100.0, null, null));
        var d = DesignBounds.of(plan, LAB, FREE, DesignBoundsTest::gate);
        Workflow air = d.apply(plan, "r", 4, params(d, plan));
        assertThat(air.step("heat").orElseThrow().instrument()).isEqualTo("box-furnace-1");
        Workflow argon = d.apply(plan, "r", 5, params(d, plan, ExperimentDesign.ATMOSPHERE, "Ar"));
        Step heat = argon.step("heat").orElseThrow();
        assertThat(heat.instrument()).isEqualTo("tube-furnace-1");
        assertThat(heat.atmosphere().orElseThrow().gas()).isEqualTo("Ar");
        assertThat(argon.step("load").orElseThrow().text("to")).contains("tube-furnace-1");
        assertThat(argon.step("unload").orElseThrow().text("from")).contains("tube-furnace-1");
        assertThat(WorkflowJson.validate(WorkflowJson.toTree(argon))).isEmpty();
        assertThat(gate(argon)).as("the gate approves the moved experiment").isTrue();
    }

    @Test
    void whatTheGoalFixedStaysFixed() {
        var plan = lithiumTitanate(limits(1100.0, null, "air"));
        var fixed = new DesignBounds.Fixed(true, true, true, true, Set.of("Li"), 4.0);
        var d = DesignBounds.of(plan, LAB, fixed, DesignBoundsTest::gate);
        assertThat(d.atmospheres()).containsExactly("air");
        assertThat(d.precursors().get("Li")).containsExactly("Li2CO3");
        assertThat(d.excessPercent()).isEqualTo(ExperimentDesign.Range.fixedAt(4.0));
        assertThat(d.temperatureC().fixed()).isTrue();
        assertThat(d.holdH().fixed()).isTrue();
        assertThat(d.ramp().fixed()).isTrue();
    }

    @Test
    void aStatedGasFixesTheAtmosphereEvenWithoutTheGoalsWording() {
        var d = DesignBounds.of(lithiumTitanate(limits(1100.0, null, "air")), LAB, FREE, DesignBoundsTest::gate);
        assertThat(d.atmospheres()).containsExactly("air");
        assertThat(d.furnaces()).extracting(ExperimentDesign.Furnace::id).contains("box-furnace-1");
    }

    @Test
    void levelsTheGateRejectsInEveryCombinationAreLeftOut() {
        var plan = lithiumTitanate(limits(1100.0, null, null));
        var d = DesignBounds.of(plan, LAB, FREE, w -> gate(w)
                && !w.step("heat").orElseThrow().atmosphere().orElseThrow().gas().equals("O2")
                && w.stepsOf(Action.DISPENSE).stream().noneMatch(s -> s.material().orElse("").equals("LiOH·H2O")));
        assertThat(d.atmospheres()).containsExactly("air", "Ar");
        assertThat(d.precursors().get("Li")).containsExactly("Li2CO3");
    }

    @Test
    void theDesignSurvivesTheJournalsJsonRoundTrip() throws Exception {
        var d = DesignBounds.of(lithiumTitanate(limits(1100.0, 3.0, null)), LAB, FREE, DesignBoundsTest::gate);
        ObjectMapper json = new ObjectMapper();
        Map<?, ?> back = json.readValue(json.writeValueAsString(CampaignJournal.designData(d)), Map.class);
        assertThat(CampaignJournal.design(back)).isEqualTo(d);
    }

    @Test
    void theLogLineNamesEveryDimensionOfTheBox() {
        var d = DesignBounds.of(lithiumTitanate(limits(1100.0, null, null)), LAB, FREE, DesignBoundsTest::gate);
        assertThat(CampaignRunner.describe(d)).contains("temperature 450.0–1100.0 °C", "hold 0.5–12.0 h", "ramp 2.0–10.0 °C/min",
                "Li excess 0.0–10.0 %", "atmosphere {air | O2 | Ar}", "Li from {Li2CO3 | LiOH·H2O}", "Ti from TiO2 (fixed)",
                "tube-furnace-1");
    }

    @Test
    void aHigherValentPrecursorOfAReducedTargetNeedsAHydrogenMixtureInTheBox() {
        var table = org.athanor.materials.PrecursorTable.standard();
        Composition lfp = Composition.parse("LiFePO4");
        var hematite = table.lookup("Fe2O3").orElseThrow();
        var oxalate = table.lookup("FeC2O4·2H2O").orElseThrow();

        assertThat(DesignBounds.reachable(hematite, "Fe", lfp, List.of("Ar"))).as("Fe3+ stays Fe3+ under argon").isFalse();
        assertThat(DesignBounds.reachable(hematite, "Fe", lfp, List.of("Ar", "H2/Ar"))).isTrue();
        assertThat(DesignBounds.reachable(oxalate, "Fe", lfp, List.of("Ar"))).as("already Fe2+").isTrue();
        // Only reduced targets: MnO2 for LiMn2O4 (Mn3.5+, fired in air) loses oxygen on heating by itself.
        assertThat(DesignBounds.reachable(table.lookup("MnO2").orElseThrow(), "Mn", Composition.parse("LiMn2O4"), List.of("air"))).isTrue();
    }

    @Test
    void theLiFePO4BoxUnderArgonLeavesHematiteOutAndKeepsItWhenTheGasIsSearchedToo() {
        assertThat(WorldCampaigns.setup("Make 1 g of LiFePO4 under argon, XRD").design().precursors().get("Fe"))
                .containsExactly("FeC2O4·2H2O");
        var free = WorldCampaigns.setup("Make 1 g of LiFePO4, XRD").design();
        assertThat(free.atmospheres()).contains("H2/Ar");
        assertThat(free.precursors().get("Fe")).contains("FeC2O4·2H2O", "Fe2O3");
    }
}
