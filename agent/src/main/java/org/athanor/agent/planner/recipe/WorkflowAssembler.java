package org.athanor.agent.planner.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.workflow.Constraints;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;

/**
 * Turns a synthesis plan into workflow steps (schema v1), one chain per batch: dispense each precursor, mix, transfer
 * to the furnace, heat, transfer to the diffractometer, XRD, optionally Raman, analyse. Batches do not wait for each
 * other ({@code after} is explicit).
 */
public final class WorkflowAssembler {

    /** Room temperature for the cooling segment, so the robot may pick the crucible (≤ 100 °C, RULES.md §1). */
    private static final double ROOM_C = 25;
    private static final double MIX_MINUTES = 30;

    public Workflow assemble(String id, Understanding u, SynthesisPlan plan, LabProfile lab) {
        List<Step> steps = new ArrayList<>();
        List<String> previous = List.of();
        double mixMinutes = u.millTime() != null ? u.millTime().in("min") : MIX_MINUTES;
        Double coolingRamp = u.coolingRamp() != null ? u.coolingRamp().celsiusPerMinute() : null;
        for (int b = 1; b <= plan.batches(); b++) {
            // Batches run one after another: the mill and the robot hold one sample at a time (RULES.md §1).
            previous = List.of(batch(steps, "S" + b, plan, lab, previous, new Settings(u, mixMinutes, coolingRamp)));
        }
        Map<String, Double> composition = new LinkedHashMap<>(plan.composition());
        Quantity mass = u.productMass() != null ? u.productMass() : Quantity.of(plan.productGramsPerBatch() * plan.batches(), "g");
        Target target = new Target(plan.targetFormula(), plan.targetName(), composition, mass);
        List<String> characterization = new ArrayList<>();
        if (plan.xrd()) {
            characterization.add("xrd");
        }
        if (plan.raman()) {
            characterization.add("raman");
        }
        Constraints constraints = new Constraints(u.maxTemperature(), u.maxRamp(), u.atmosphere(),
                characterization.isEmpty() ? null : characterization, null);
        return new Workflow(id, u.goal(), target, constraints, steps);
    }

    /** Appends one batch's steps, the first waiting for {@code after}; returns the id of the batch's last step. */
    private static String batch(List<Step> steps, String sample, SynthesisPlan plan, LabProfile lab, List<String> after, Settings settings) {
        List<String> dispensed = new ArrayList<>();
        int i = 1;
        for (Dose dose : plan.doses()) {
            String id = sample + "-dispense-" + i++;
            steps.add(step(id, "dispense", lab.dispenser(), sample, after, params(
                    "material", dose.material(), "mass", Quantity.of(round(dose.grams(), 4), "g"))));
            dispensed.add(id);
        }
        String last = add(steps, sample + "-mix", "mix", lab.mill(), sample, dispensed,
                params("method", "ball-mill", "duration", Quantity.of(settings.mixMinutes(), "min")));
        last = add(steps, sample + "-load", "transfer", lab.robot(), sample, List.of(last), params("from", lab.mill(), "to", plan.furnace()));
        List<HeatSegment> profile = List.of(
                HeatSegment.celsius(plan.temperatureC(), plan.rampCPerMin(), plan.holdH()),
                HeatSegment.celsius(ROOM_C, settings.coolingRamp() != null ? settings.coolingRamp() : plan.rampCPerMin(), 0));
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("profile", profile);
        heat.put("atmosphere", plan.atmosphere());
        heat.put("crucible", plan.crucible());
        last = add(steps, sample + "-heat", "heat", plan.furnace(), sample, List.of(last), heat);
        if (plan.xrd()) {
            last = add(steps, sample + "-to-xrd", "transfer", lab.robot(), sample, List.of(last), params("from", plan.furnace(), "to", lab.xrd()));
            last = add(steps, sample + "-xrd", "xrd", lab.xrd(), sample, List.of(last), params(
                    "twoThetaStart", settings.twoThetaStart(), "twoThetaEnd", settings.twoThetaEnd(),
                    "stepSize", Quantity.of(0.02, "deg"), "countTime", Quantity.of(1, "s")));
        }
        if (plan.raman()) {
            String from = plan.xrd() ? lab.xrd() : plan.furnace();
            last = add(steps, sample + "-to-raman", "transfer", lab.robot(), sample, List.of(last), params("from", from, "to", lab.raman()));
            last = add(steps, sample + "-raman", "raman", lab.raman(), sample, List.of(last), params(
                    "laserWavelength", settings.laserWavelength(), "laserPower", settings.laserPower(),
                    "rangeStart", Quantity.of(100, "cm-1"), "rangeEnd", Quantity.of(1200, "cm-1"), "exposure", Quantity.of(10, "s")));
        }
        if (plan.xrd() || plan.raman()) {
            List<String> methods = new ArrayList<>();
            if (plan.xrd()) {
                methods.add("xrd");
            }
            if (plan.raman()) {
                methods.add("raman");
            }
            last = add(steps, sample + "-analyze", "analyze", null, sample, List.of(last), params("methods", methods, "target", plan.targetFormula()));
        }
        return last;
    }

    /**
     * What the goal sets for the steps around the furnace, else the defaults: 2θ 10–80° (the usual survey scan) and
     * 532 nm at 10 mW, well under the 100 mW limit at the sample (RULES.md §1) and gentle on dark oxides.
     */
    private record Settings(double mixMinutes, Double coolingRamp, Quantity twoThetaStart, Quantity twoThetaEnd,
                            Quantity laserWavelength, Quantity laserPower) {
        Settings(Understanding u, double mixMinutes, Double coolingRamp) {
            this(mixMinutes, coolingRamp, or(u.twoThetaStart(), Quantity.of(10, "deg")), or(u.twoThetaEnd(), Quantity.of(80, "deg")),
                    or(u.laserWavelength(), Quantity.of(532, "nm")), or(u.laserPower(), Quantity.of(10, "mW")));
        }

        private static Quantity or(Quantity asked, Quantity otherwise) {
            return asked != null ? asked : otherwise;
        }
    }

    /** Parameters in the order given, so a plan's JSON and its printed steps read the same every time. */
    private static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    private static String add(List<Step> steps, String id, String action, String instrument, String sample, List<String> after, Map<String, Object> params) {
        steps.add(step(id, action, instrument, sample, after, params));
        return id;
    }

    private static Step step(String id, String action, String instrument, String sample, List<String> after, Map<String, Object> params) {
        Map<String, Object> json = new LinkedHashMap<>();
        params.forEach((k, v) -> json.put(k, org.athanor.workflow.WorkflowJson.mapper().convertValue(v, Object.class)));
        return new Step(id, org.athanor.workflow.Action.fromJson(action), instrument, sample, after, json);
    }

    private static double round(double value, int digits) {
        double k = Math.pow(10, digits);
        return Math.round(value * k) / k;
    }
}
