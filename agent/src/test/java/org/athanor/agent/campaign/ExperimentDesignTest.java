package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Constraints;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

class ExperimentDesignTest {

    private static Workflow plan(Quantity maxT, Quantity maxRamp) {
        var dispense = new Step("d1", Action.DISPENSE, "dispenser-1", "s1", null,
                Map.of("material", "BaCO3", "mass", Map.of("value", 1.69, "unit", "g")));
        var heat = new Step("h1", Action.HEAT, "box-furnace-1", "s1", null, Map.of(
                "profile", List.of(HeatSegment.celsius(1100, 5, 8)),
                "atmosphere", Atmosphere.AIR,
                "crucible", "alumina"));
        return new Workflow("plan-1", "make BaTiO3", new Target("BaTiO3", null, null, null),
                new Constraints(maxT, maxRamp, null, List.of("xrd"), null), List.of(dispense, heat));
    }

    @Test
    void theSearchBoxEndsAtTheTighterOfTheGoalAndTheFurnace() {
        var design = ExperimentDesign.around(plan(Quantity.of(1523.15, "K"), null), 1200, 10, false, false);
        assertThat(design.temperatureC().max()).isCloseTo(1200, org.assertj.core.data.Offset.offset(1e-9));
        var tighter = ExperimentDesign.around(plan(Quantity.of(1832, "°F"), null), 1200, 10, false, false);
        assertThat(tighter.temperatureC().max()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theRampNeverExceedsTheGoalsLimit() {
        var design = ExperimentDesign.around(plan(null, Quantity.of(2, "°C/min")), 1200, 10, false, false);
        assertThat(design.rampCPerMin()).isEqualTo(2);
        Workflow w = design.apply(plan(null, Quantity.of(2, "°C/min")), "run", 1,
                Map.of(ExperimentDesign.TEMPERATURE, 1000.0, ExperimentDesign.HOLD, 4.0, ExperimentDesign.RAMP, 9.0));
        assertThat(w.step("h1").orElseThrow().profile().get(0).rampRate().celsiusPerMinute()).isEqualTo(2);
    }

    @Test
    void applyingParametersSetsTheProfileAndGivesEachExperimentItsOwnSample() {
        var p = plan(null, null);
        var design = ExperimentDesign.around(p, 1200, 10, false, false);
        Workflow w = design.apply(p, "run-7", 3, Map.of(ExperimentDesign.TEMPERATURE, 1150.0, ExperimentDesign.HOLD, 6.5));
        HeatSegment seg = w.step("h1").orElseThrow().profile().get(0);
        assertThat(seg.temperature().celsius()).isEqualTo(1150);
        assertThat(seg.hold().hours()).isEqualTo(6.5);
        assertThat(w.id()).isEqualTo("run-7-e3");
        assertThat(w.steps()).allSatisfy(s -> assertThat(s.sample()).isEqualTo("s1-e3"));
        assertThat(WorkflowJson.validate(WorkflowJson.toTree(w))).isEmpty();
    }

    @Test
    void proposalsOutsideTheBoxAreClampedIntoIt() {
        var p = plan(Quantity.of(1000, "°C"), null);
        var design = ExperimentDesign.around(p, 1200, 10, false, false);
        Workflow w = design.apply(p, "r", 1, Map.of(ExperimentDesign.TEMPERATURE, 1400.0, ExperimentDesign.HOLD, 100.0));
        HeatSegment seg = w.step("h1").orElseThrow().profile().get(0);
        assertThat(seg.temperature().celsius()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(seg.hold().hours()).isEqualTo(design.holdH().max());
    }

    @Test
    void aTemperatureTheGoalFixedStaysFixed() {
        var design = ExperimentDesign.around(plan(null, null), 1200, 10, true, false);
        assertThat(design.temperatureC().fixed()).isTrue();
        assertThat(design.temperatureC().min()).isEqualTo(1100);
    }
}
