package org.athanor.safety;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.safety.audit.InMemoryAuditLog;
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

/** Test workflows written the way a planner would write them, one small builder per step kind. */
final class Plans {

    static final ApprovalTokens TOKENS = new ApprovalTokens("test-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    private Plans() {
    }

    static Gate gate() {
        return Gate.standard(TOKENS, new InMemoryAuditLog());
    }

    static Quantity q(double value, String unit) {
        return Quantity.of(value, unit);
    }

    static Step dispense(String id, String sample, String material, double mass, String unit) {
        return step(id, Action.DISPENSE, "dispenser-1", sample, Map.of("material", material, "mass", q(mass, unit)));
    }

    static Step dispense(String id, String sample, String material, double grams) {
        return dispense(id, sample, material, grams, "g");
    }

    static Step mix(String id, String sample, double minutes) {
        return step(id, Action.MIX, "mill-1", sample, Map.of("duration", q(minutes, "min"), "method", "ball-mill"));
    }

    static Step transfer(String id, String sample, String to) {
        return step(id, Action.TRANSFER, "robot-1", sample, Map.of("to", to));
    }

    static Step heat(String id, String sample, String furnace, String crucible, Atmosphere atmosphere, HeatSegment... profile) {
        return step(id, Action.HEAT, furnace, sample,
                Map.of("profile", Arrays.asList(profile), "atmosphere", atmosphere, "crucible", crucible));
    }

    static Step heatAir(String id, String sample, double celsius) {
        return heat(id, sample, "box-furnace-1", "alumina", Atmosphere.AIR, HeatSegment.celsius(celsius, 5, 8));
    }

    static HeatSegment segment(double temperature, String unit, double ramp, String rampUnit, double hours) {
        return new HeatSegment(q(temperature, unit), q(ramp, rampUnit), q(hours, "h"));
    }

    static Step xrd(String id, String sample, double start, double end) {
        return step(id, Action.XRD, "xrd-1", sample, Map.of("twoThetaStart", q(start, "deg"), "twoThetaEnd", q(end, "deg")));
    }

    static Step raman(String id, String sample, double nm, double mW) {
        return step(id, Action.RAMAN, "raman-1", sample, Map.of("laserWavelength", q(nm, "nm"), "laserPower", q(mW, "mW")));
    }

    static Step step(String id, Action action, String instrument, String sample, Map<String, Object> params) {
        Map<String, Object> json = new LinkedHashMap<>();
        params.forEach((k, v) -> json.put(k, WorkflowJson.mapper().convertValue(v, Object.class)));
        return new Step(id, action, instrument, sample, null, json);
    }

    static Step after(Step s, String... ids) {
        return new Step(s.id(), s.action(), s.instrument(), s.sample(), List.of(ids), s.params());
    }

    static Workflow workflow(String formula, Step... steps) {
        return new Workflow("wf-" + formula, "make " + formula, new Target(formula, null, null, null), null, List.of(steps));
    }

    static Workflow workflow(String formula, Constraints constraints, Step... steps) {
        return new Workflow("wf-" + formula, "make " + formula, new Target(formula, null, null, null), constraints, List.of(steps));
    }

    /** dispense each precursor into s1, mill, heat as given, XRD: the usual solid-state route. */
    static Workflow solidState(String formula, Step heat, String... precursorsAndGrams) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < precursorsAndGrams.length; i += 2) {
            steps.add(dispense("d" + (i / 2 + 1), "s1", precursorsAndGrams[i], Double.parseDouble(precursorsAndGrams[i + 1])));
        }
        steps.add(mix("mix", "s1", 30));
        steps.add(heat);
        steps.add(xrd("xrd", "s1", 10, 80));
        return workflow(formula, steps.toArray(Step[]::new));
    }

    static List<String> rules(Verdict v) {
        return v.violations().stream().map(Violation::rule).toList();
    }

    static List<String> errorRules(Verdict v) {
        return v.errors().stream().map(Violation::rule).toList();
    }
}
