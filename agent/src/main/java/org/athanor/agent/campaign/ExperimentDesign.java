package org.athanor.agent.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * The parameters a campaign varies, and how one set of them turns the planned workflow into one experiment's
 * workflow: the heat steps get a single-segment profile at the proposed temperature, ramp and hold; samples are
 * renamed per experiment so every experiment has its own crucible.
 */
public record ExperimentDesign(Range temperatureC, Range holdH, double rampCPerMin) {

    public static final String TEMPERATURE = "temperatureC";
    public static final String HOLD = "holdH";
    public static final String RAMP = "rampCPerMin";

    /** A closed interval; a fixed value has {@code min == max}. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
            }
        }

        public boolean fixed() {
            return min == max;
        }

        public double clamp(double v) {
            return Math.max(min, Math.min(max, v));
        }
    }

    /**
     * The search box for a planned workflow. The planner's first heat segment is the knowledge-table starting point;
     * the box spans from well below it up to the tightest of the goal's maximum and the furnace's limit. A temperature
     * or hold the goal fixed stays fixed.
     */
    public static ExperimentDesign around(Workflow plan, double furnaceMaxC, double furnaceMaxRamp,
                                          boolean temperatureFixed, boolean holdFixed) {
        HeatSegment start = firstSegment(plan);
        double t0 = start.temperature().celsius();
        double h0 = start.hold().hours();
        var c = plan.constraintsOrNone();
        double upper = furnaceMaxC;
        if (c.maxTemperature() != null) {
            upper = Math.min(upper, c.maxTemperature().celsius());
        }
        double ramp = Math.min(start.rampRate().celsiusPerMinute(), furnaceMaxRamp);
        if (c.maxRampRate() != null) {
            ramp = Math.min(ramp, c.maxRampRate().celsiusPerMinute());
        }
        Range t = temperatureFixed ? new Range(t0, t0) : new Range(Math.min(Math.max(400, t0 - 350), upper), upper);
        Range h = holdFixed ? new Range(h0, h0) : new Range(0.5, Math.max(12, h0));
        return new ExperimentDesign(t, h, ramp);
    }

    private static HeatSegment firstSegment(Workflow plan) {
        return plan.stepsOf(Action.HEAT).stream()
                .flatMap(s -> s.profile().stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan has no heat step to vary"));
    }

    /** The planner's own starting point, clamped into the box: the campaign's first experiment. */
    public Map<String, Object> startingPoint(Workflow plan) {
        HeatSegment s = firstSegment(plan);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(TEMPERATURE, round(temperatureC.clamp(s.temperature().celsius())));
        p.put(HOLD, round(holdH.clamp(s.hold().hours())));
        p.put(RAMP, rampCPerMin);
        return p;
    }

    /**
     * The first experiment of a campaign: the mildest plausible recipe, 150 °C below the knowledge table's temperature
     * with a quarter of its hold (at least 1 h). A campaign stops at its first success, so starting from the table's
     * generous recipe would never show whether less furnace time suffices; the optimiser escalates from here.
     */
    public Map<String, Object> economicalStart(Workflow plan) {
        HeatSegment s = firstSegment(plan);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(TEMPERATURE, round(temperatureC.clamp(s.temperature().celsius() - 150)));
        p.put(HOLD, round(holdH.clamp(Math.max(1, s.hold().hours() / 4))));
        p.put(RAMP, rampCPerMin);
        return p;
    }

    /** One experiment's workflow: id, samples and heat profile set from {@code parameters}. */
    public Workflow apply(Workflow plan, String runId, int index, Map<String, Object> parameters) {
        double t = temperatureC.clamp(number(parameters, TEMPERATURE));
        double h = holdH.clamp(number(parameters, HOLD));
        double ramp = parameters.containsKey(RAMP) ? Math.min(number(parameters, RAMP), rampCPerMin) : rampCPerMin;
        Map<String, Object> first = Map.of(
                "temperature", Map.of("value", round(t), "unit", "°C"),
                "rampRate", Map.of("value", round(ramp), "unit", "°C/min"),
                "hold", Map.of("value", round(h), "unit", "h"));
        String suffix = "-e" + index;
        List<Step> steps = plan.steps().stream().map(s -> {
            Step renamed = new Step(s.id(), s.action(), s.instrument(), s.sample() == null ? null : s.sample() + suffix, s.after(), s.params());
            return s.action() == Action.HEAT ? renamed.withParam("profile", withFirstSegment(s, first, ramp)) : renamed;
        }).toList();
        return new Workflow(plan.schemaVersion(), runId + suffix, plan.goal(), plan.target(), plan.constraints(), steps, plan.extensions());
    }

    /** The planned program with its first (dwell) segment replaced; later segments (cooling) keep their targets, ramps capped. */
    private static List<Object> withFirstSegment(Step heat, Map<String, Object> first, double maxRamp) {
        List<Object> profile = new java.util.ArrayList<>();
        profile.add(first);
        heat.profile().stream().skip(1).forEach(seg -> profile.add(Map.of(
                "temperature", Map.of("value", seg.temperature().value(), "unit", seg.temperature().unit()),
                "rampRate", Map.of("value", round(Math.min(seg.rampRate().celsiusPerMinute(), maxRamp)), "unit", "°C/min"),
                "hold", Map.of("value", seg.hold().value(), "unit", seg.hold().unit()))));
        return profile;
    }

    private static double number(Map<String, Object> p, String name) {
        Object v = p.get(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("parameter '" + name + "' missing or not a number: " + v);
        }
        return n.doubleValue();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
