package org.athanor.agent.planner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.agent.planner.Planners;
import org.athanor.agent.planner.goal.GoalReader;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.agent.planner.recipe.Dose;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.recipe.SynthesisPlan;
import org.athanor.agent.planner.recipe.WorkflowAssembler;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** The revision loop against a fake gate whose rules the test states, so each revision is checked on its own. */
class SafetyLoopTest {

    private final LabProfile lab = LabProfile.defaultSimulatedLab();
    private final GoalReader reader = new GoalReader(Planners.chemistry());
    private final WorkflowAssembler assembler = new WorkflowAssembler();

    /** A gate with three limits: box furnaces ≤ 1200 °C and air only, ramps ≤ 10 °C/min, no quartz above 1100 °C. */
    private static final class FakeGate implements SafetyGate {
        int calls;

        @Override
        public GateReport vet(Workflow w) {
            calls++;
            List<Finding> out = new ArrayList<>();
            for (Step s : w.stepsOf(Action.HEAT)) {
                boolean box = s.instrument().startsWith("box");
                for (HeatSegment seg : s.profile()) {
                    if (box && seg.temperature().celsius() > 1200) {
                        out.add(new Finding("furnace-max", "error", s.id(), "box too hot", "test"));
                    }
                    if (seg.rampRate().celsiusPerMinute() > 10) {
                        out.add(new Finding("ramp-max", "error", s.id(), "ramp too fast", "test"));
                    }
                    if (s.crucible().orElseThrow().equals("quartz") && seg.temperature().celsius() > 1100) {
                        out.add(new Finding("quartz-max", "error", s.id(), "quartz softens", "test"));
                    }
                }
                if (box && !s.atmosphere().orElseThrow().gas().equals("air")) {
                    out.add(new Finding("box-air-only", "error", s.id(), "box is air only", "test"));
                }
                if (s.atmosphere().orElseThrow().effectiveH2Percent() > 4) {
                    out.add(new Finding("h2", "error", s.id(), "too much hydrogen", "test"));
                }
            }
            return new GateReport(out.isEmpty(), out);
        }
    }

    private SynthesisPlan plan(String furnace, String crucible, Atmosphere gas, double t, double ramp) {
        return new SynthesisPlan("ZnO", null, Map.of("Zn", 1.0, "O", 1.0), 1, List.of(new Dose("ZnO", 1)), 1, furnace, crucible, gas,
                t, ramp, 4, true, false, "test");
    }

    private SafetyLoop.Outcome run(FakeGate gate, String goal, SynthesisPlan first) {
        Understanding u = reader.read(goal);
        return new SafetyLoop(gate, lab).run(u, first, p -> assembler.assemble("t", u, p, lab));
    }

    @Test
    void aFastRampIsLoweredToTheFurnaceLimit() {
        var out = run(new FakeGate(), "Make 1 g of ZnO at 900 °C.", plan("box-furnace-1", "alumina", Atmosphere.AIR, 900, 40));
        assertThat(out.report().approved()).isTrue();
        assertThat(out.plan().rampCPerMin()).isEqualTo(10);
        assertThat(out.revisions()).singleElement().satisfies(r -> assertThat(r).contains("ramp lowered"));
    }

    @Test
    void aHotPlanMovesToTheTubeFurnaceRatherThanCooling() {
        var out = run(new FakeGate(), "Make 1 g of ZnO.", plan("box-furnace-1", "alumina", Atmosphere.AIR, 1350, 5));
        assertThat(out.report().approved()).isTrue();
        assertThat(out.plan().furnace()).isEqualTo("tube-furnace-1");
        assertThat(out.plan().temperatureC()).isEqualTo(1350);
    }

    @Test
    void aTemperatureTheUserSetIsNeverLowered() {
        var out = run(new FakeGate(), "Make 1 g of ZnO at 1150 °C in a box furnace, quartz is fine.",
                plan("box-furnace-1", "quartz", Atmosphere.AIR, 1150, 5));
        assertThat(out.plan().temperatureC()).isEqualTo(1150);
        assertThat(out.report().approved()).isTrue();
        assertThat(out.plan().crucible()).isNotEqualTo("quartz");
    }

    @Test
    void anAtmosphereTheUserStatedIsNeverChangedSoPureHydrogenStaysRejected() {
        FakeGate gate = new FakeGate();
        var out = run(gate, "Reduce ZnO in pure hydrogen at 500 °C.", plan("tube-furnace-1", "alumina", new Atmosphere("H2", 100.0, null), 500, 5));
        assertThat(out.report().approved()).isFalse();
        assertThat(out.report().errorRules()).contains("h2");
        assertThat(out.plan().atmosphere().gas()).isEqualTo("H2");
        assertThat(gate.calls).isLessThanOrEqualTo(1 + 40);
    }

    @Test
    void aFurnaceKindTheUserChoseIsKept() {
        var out = run(new FakeGate(), "Make 1 g of ZnO at 1300 °C in a box furnace.", plan("box-furnace-1", "alumina", Atmosphere.AIR, 1300, 5));
        assertThat(out.report().approved()).isFalse();
        assertThat(out.plan().furnace()).startsWith("box");
    }

    @Test
    void withoutASetTemperatureTheLoopMayLowerItToTheFurnaceLimit() {
        var out = run(new FakeGate(), "Make 1 g of ZnO in a box furnace.", plan("box-furnace-1", "alumina", Atmosphere.AIR, 1300, 5));
        assertThat(out.report().approved()).isTrue();
        assertThat(out.plan().temperatureC()).isEqualTo(1200);
    }

    @Test
    void theLoopIsBounded() {
        SafetyGate alwaysNo = w -> new GateReport(false, List.of(new Finding("never", "error", null, "no", "test")));
        Understanding u = reader.read("Make 1 g of ZnO.");
        int[] assembled = {0};
        var out = new SafetyLoop(alwaysNo, lab).run(u, plan("box-furnace-1", "alumina", Atmosphere.AIR, 900, 5), p -> {
            assembled[0]++;
            return assembler.assemble("t", u, p, lab);
        });
        assertThat(out.report().approved()).isFalse();
        assertThat(out.revisions()).isEmpty();
        assertThat(assembled[0]).isLessThan(40);
    }
}
