package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.chemistry.Compositions;
import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every goal of the shared examples and of the planner's own held-out set meets its {@code expect} keys, checked as
 * the examples file's note defines them. A goal without refuse/refuse_or_clamp must come back approved, and every
 * approved workflow must validate against schema v1.
 */
class GoalExpectationsTest {

    private static final OfflinePlanner PLANNER = Planners.offline();
    private static final Chemistry CHEMISTRY = Planners.chemistry();

    @TestFactory
    Stream<DynamicTest> sharedExamplesMeetTheirExpectations() throws IOException {
        return goals("/planner/goals/examples.json");
    }

    @TestFactory
    Stream<DynamicTest> ownHeldOutGoalsMeetTheirExpectations() throws IOException {
        return goals("/planner/goals/own-goals.json");
    }

    private static Stream<DynamicTest> goals(String resource) throws IOException {
        JsonNode root;
        try (InputStream in = GoalExpectationsTest.class.getResourceAsStream(resource)) {
            root = WorkflowJson.mapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : root.get("goals")) {
            String goal = g.get("goal").asText();
            tests.add(DynamicTest.dynamicTest(goal, () -> check(goal, g.get("expect"))));
        }
        return tests.stream();
    }

    static void check(String goal, JsonNode expect) {
        PlanResult result = PLANNER.plan(goal);
        String context = goal + " -> " + result.verdict() + " " + (result.reason() == null ? "" : result.reason()) + " notes=" + result.notes();
        if (expect.has("refuse")) {
            assertThat(result.approved()).as(context).isFalse();
            assertThat(result.reason()).as(context).isNotBlank();
            return;
        }
        if (expect.has("refuse_or_clamp")) {
            if (result.approved()) {
                double maxRamp = expect.get("refuse_or_clamp").get("maxRamp").asDouble();
                assertThat(segments(result.workflow())).as(context).allSatisfy(s -> assertThat(s.rampRate().celsiusPerMinute()).isLessThanOrEqualTo(maxRamp));
            }
            return;
        }
        if (expect.has("needsApproval")) {
            // A carcinogenic precursor (e.g. NiO, GHS H350i) needs an operator's approval: the plan comes back
            // unapproved, complete, with the reason.
            assertThat(result.verdict()).as(context).isEqualTo(PlanResult.Verdict.REJECTED);
            assertThat(result.reason()).as(context).contains("approval");
        } else {
            assertThat(result.verdict()).as(context).isEqualTo(PlanResult.Verdict.APPROVED);
        }
        Workflow w = result.workflow();
        assertThat(WorkflowJson.validate(WorkflowJson.toTree(w))).as(context).isEmpty();
        if (expect.has("comp")) {
            Map<String, Double> want = new HashMap<>();
            expect.get("comp").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asDouble()));
            assertThat(Compositions.sameRatios(want, w.target().composition())).as(context + " composition " + w.target().composition()).isTrue();
        }
        if (expect.has("maxC")) {
            double maxC = expect.get("maxC").asDouble();
            assertThat(segments(w)).as(context).allSatisfy(s -> assertThat(s.temperature().celsius()).isLessThanOrEqualTo(maxC + 1e-9));
        }
        if (expect.has("maxRamp")) {
            double maxRamp = expect.get("maxRamp").asDouble();
            assertThat(segments(w)).as(context).allSatisfy(s -> assertThat(s.rampRate().celsiusPerMinute()).isLessThanOrEqualTo(maxRamp + 1e-9));
        }
        if (expect.has("fixC")) {
            double fixC = expect.get("fixC").asDouble();
            assertThat(segments(w)).as(context).anySatisfy(s -> assertThat(s.temperature().celsius()).isCloseTo(fixC, org.assertj.core.data.Offset.offset(0.5)));
        }
        if (expect.has("holdH")) {
            double holdH = expect.get("holdH").asDouble();
            assertThat(segments(w)).as(context).anySatisfy(s -> assertThat(s.hold().hours()).isCloseTo(holdH, org.assertj.core.data.Offset.offset(0.01)));
        }
        if (expect.has("gas")) {
            List<String> gases = new ArrayList<>();
            expect.get("gas").forEach(n -> gases.add(n.asText()));
            assertThat(w.stepsOf(Action.HEAT)).as(context).isNotEmpty().allSatisfy(s -> assertThat(s.atmosphere().orElseThrow().gas()).isIn(gases));
        }
        if (expect.has("xrd")) {
            assertThat(w.stepsOf(Action.XRD).isEmpty()).as(context + " xrd").isEqualTo(!expect.get("xrd").asBoolean());
        }
        if (expect.has("raman")) {
            assertThat(w.stepsOf(Action.RAMAN).isEmpty()).as(context + " raman").isEqualTo(!expect.get("raman").asBoolean());
        }
        if (expect.has("batches")) {
            assertThat(w.stepsOf(Action.HEAT)).as(context).hasSize(expect.get("batches").asInt());
        }
        if (expect.has("massG")) {
            checkMass(w, expect.get("massG").asDouble(), context);
        }
    }

    /** Product mass implied by each dispensed cation: moles of the element / its amount per formula unit × molar mass. */
    private static void checkMass(Workflow w, double grams, String context) {
        Map<String, Double> target = w.target().composition();
        Map<String, Double> moles = new HashMap<>();
        for (Step s : w.stepsOf(Action.DISPENSE)) {
            Map<String, Double> c = CHEMISTRY.read(s.material().orElseThrow()).orElseThrow().composition();
            double n = s.quantity("mass").orElseThrow().grams() / CHEMISTRY.molarMass(c);
            c.forEach((e, k) -> moles.merge(e, n * k, Double::sum));
        }
        double molar = CHEMISTRY.molarMass(target);
        for (String e : target.keySet()) {
            if (e.equals("O")) {
                continue;
            }
            double implied = moles.getOrDefault(e, 0.0) / target.get(e) * molar;
            assertThat(implied).as(context + " mass implied by " + e).isCloseTo(grams, org.assertj.core.data.Percentage.withPercentage(5));
        }
    }

    private static List<HeatSegment> segments(Workflow w) {
        return w.stepsOf(Action.HEAT).stream().flatMap(s -> s.profile().stream()).toList();
    }
}
