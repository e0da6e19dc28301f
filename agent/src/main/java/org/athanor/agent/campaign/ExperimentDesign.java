package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.materials.Composition;
import org.athanor.materials.PrecursorMass;
import org.athanor.materials.Stoichiometry;
import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * The parameters a campaign varies, and how one set of them turns the planned workflow into one experiment's
 * workflow: the heat steps get a single dwell segment at the proposed temperature, ramp and hold under the proposed
 * atmosphere (in a furnace that runs that gas at that temperature); the dispense steps get the proposed precursor for
 * each cation and the masses {@link Stoichiometry} computes for it, with the proposed excess of the volatile element;
 * samples are renamed per experiment so every experiment has its own crucible. {@link DesignBounds} builds the box
 * from the goal, the lab and the gate.
 *
 * @param excessElement the volatile element the excess is weighed for (Li, Na, K, Zn), or null when none is
 * @param atmospheres   gases the campaign may choose, the planned one first
 * @param precursors    element → interchangeable precursors for it, the planned one first (one entry: fixed)
 * @param furnaces      the furnaces an experiment may run in, the planned one first
 */
public record ExperimentDesign(Range temperatureC, Range holdH, Range ramp, Range excessPercent, String excessElement,
                               List<String> atmospheres, Map<String, List<String>> precursors, List<Furnace> furnaces) {

    public static final String TEMPERATURE = "temperatureC";
    public static final String HOLD = "holdH";
    public static final String RAMP = "rampCPerMin";
    public static final String EXCESS = "excessPercent";
    public static final String ATMOSPHERE = "atmosphere";
    /** Prefix of the precursor choice per element: {@code precursorLi}, {@code precursorMn}. */
    public static final String PRECURSOR = "precursor";
    /** H2 in the reducing mixtures the design offers: 2 % in Ar, as the A-Lab's tube furnace runs (Szymanski 2023). */
    static final double H2_PERCENT = 2;

    public ExperimentDesign {
        atmospheres = List.copyOf(atmospheres);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        precursors.forEach((e, l) -> copy.put(e, List.copyOf(l)));
        precursors = java.util.Collections.unmodifiableMap(copy);
        furnaces = List.copyOf(furnaces);
        if (atmospheres.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one atmosphere");
        }
    }

    /** A closed interval; a fixed value has {@code min == max}. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
            }
        }

        public static Range fixedAt(double v) {
            return new Range(v, v);
        }

        public boolean fixed() {
            return min == max;
        }

        public double clamp(double v) {
            return Math.max(min, Math.min(max, v));
        }
    }

    /** A furnace's envelope as the design needs it. */
    public record Furnace(String id, double maxC, double maxRampCPerMin, List<String> gases) {
        public Furnace {
            gases = List.copyOf(gases);
        }

        boolean runs(String gas, double temperatureC) {
            return gases.contains(gas) && temperatureC <= maxC + 1e-9;
        }
    }

    /**
     * The temperature-and-hold box of earlier campaigns: ramp, atmosphere, precursors and furnace as planned. The
     * box spans from well below the planner's temperature up to the tighter of the goal's maximum and the furnace's
     * limit; a temperature or hold the goal fixed stays fixed.
     */
    public static ExperimentDesign around(Workflow plan, double furnaceMaxC, double furnaceMaxRamp,
                                          boolean temperatureFixed, boolean holdFixed) {
        HeatSegment start = firstSegment(plan);
        Step heat = plan.stepsOf(Action.HEAT).get(0);
        String gas = heat.atmosphere().map(a -> a.gas()).orElse("air");
        var c = plan.constraintsOrNone();
        double upper = furnaceMaxC;
        if (c.maxTemperature() != null) {
            upper = Math.min(upper, c.maxTemperature().celsius());
        }
        double ramp = Math.min(start.rampRate().celsiusPerMinute(), furnaceMaxRamp);
        if (c.maxRampRate() != null) {
            ramp = Math.min(ramp, c.maxRampRate().celsiusPerMinute());
        }
        double t0 = start.temperature().celsius();
        double h0 = start.hold().hours();
        Range t = temperatureFixed ? Range.fixedAt(t0) : new Range(Math.min(Math.max(400, t0 - 350), upper), upper);
        Range h = holdFixed ? Range.fixedAt(h0) : new Range(0.5, Math.max(12, h0));
        Map<String, List<String>> precursors = new LinkedHashMap<>();
        return new ExperimentDesign(t, h, Range.fixedAt(ramp), Range.fixedAt(0), null, List.of(gas), precursors,
                List.of(new Furnace(heat.instrument(), furnaceMaxC, furnaceMaxRamp, List.of(gas))));
    }

    /** The fastest ramp the design allows (the ramp when it is fixed). */
    public double rampCPerMin() {
        return ramp.max();
    }

    static HeatSegment firstSegment(Workflow plan) {
        return plan.stepsOf(Action.HEAT).stream()
                .flatMap(s -> s.profile().stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan has no heat step to vary"));
    }

    /** The planner's own recipe, clamped into the box (planned precursors and atmosphere, no extra excess). */
    public Map<String, Object> startingPoint(Workflow plan) {
        HeatSegment s = firstSegment(plan);
        return point(s.temperature().celsius(), s.hold().hours(), s.rampRate().celsiusPerMinute());
    }

    /**
     * The first experiment of a campaign: the mildest plausible recipe, 150 °C below the knowledge table's temperature
     * with a quarter of its hold (at least 1 h), planned precursors and atmosphere, the least excess. A campaign stops
     * at its first success, so starting from the table's generous recipe would never show whether less furnace time
     * suffices; the optimiser escalates from here.
     */
    public Map<String, Object> economicalStart(Workflow plan) {
        HeatSegment s = firstSegment(plan);
        return point(s.temperature().celsius() - 150, Math.max(1, s.hold().hours() / 4), s.rampRate().celsiusPerMinute());
    }

    private Map<String, Object> point(double t, double h, double r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(TEMPERATURE, round(temperatureC.clamp(t)));
        p.put(HOLD, round(holdH.clamp(h)));
        p.put(RAMP, round(ramp.clamp(r)));
        if (excessElement != null) {
            p.put(EXCESS, round(excessPercent.min()));
        }
        p.put(ATMOSPHERE, atmospheres.get(0));
        precursors.forEach((e, options) -> p.put(PRECURSOR + e, options.get(0)));
        return p;
    }

    /** One experiment's workflow: id, samples, precursors and masses, furnace, atmosphere and heat profile from {@code parameters}. */
    public Workflow apply(Workflow plan, String runId, int index, Map<String, Object> parameters) {
        double t = temperatureC.clamp(number(parameters, TEMPERATURE, temperatureC.max()));
        double h = holdH.clamp(number(parameters, HOLD, holdH.max()));
        double r = ramp.clamp(number(parameters, RAMP, ramp.max()));
        String gas = choice(parameters, ATMOSPHERE, atmospheres);
        Step plannedHeat = plan.stepsOf(Action.HEAT).get(0);
        Furnace furnace = furnaceFor(plannedHeat.instrument(), gas, t);
        r = Math.min(r, furnace.maxRampCPerMin());
        Map<String, Object> first = Map.of(
                "temperature", Map.of("value", round(t), "unit", "°C"),
                "rampRate", Map.of("value", round(r), "unit", "°C/min"),
                "hold", Map.of("value", round(h), "unit", "h"));
        Map<String, Object> atmosphere = new LinkedHashMap<>();
        atmosphere.put("gas", gas);
        if (gas.startsWith("H2")) {
            atmosphere.put("h2Percent", H2_PERCENT);
        }
        Map<String, Dose> doses = doses(plan, parameters);
        String suffix = "-e" + index;
        String plannedFurnace = plannedHeat.instrument();
        double maxRamp = r;
        List<Step> steps = plan.steps().stream().map(s -> {
            Map<String, Object> params = new LinkedHashMap<>(s.params());
            params.replaceAll((k, v) -> plannedFurnace.equals(v) ? furnace.id() : v); // transfers into and out of the furnace
            String instrument = plannedFurnace.equals(s.instrument()) ? furnace.id() : s.instrument();
            if (s.action() == Action.DISPENSE && s.material().isPresent() && doses.containsKey(s.material().get())) {
                Dose d = doses.get(s.material().get());
                params.put("material", d.formula());
                params.put("mass", Map.of("value", Math.round(d.grams() * 1e4) / 1e4, "unit", "g"));
            }
            if (s.action() == Action.HEAT) {
                params.put("profile", withFirstSegment(s, first, maxRamp));
                params.put("atmosphere", atmosphere);
            }
            return new Step(s.id(), s.action(), instrument, s.sample() == null ? null : s.sample() + suffix, s.after(), params);
        }).toList();
        return new Workflow(plan.schemaVersion(), runId + suffix, plan.goal(), plan.target(), plan.constraints(), steps, plan.extensions());
    }

    /** The planned furnace when it runs this gas this hot, else the first of the design's furnaces that does. */
    Furnace furnaceFor(String planned, String gas, double temperatureC) {
        return furnaces.stream().filter(f -> f.id().equals(planned) && f.runs(gas, temperatureC)).findFirst()
                .or(() -> furnaces.stream().filter(f -> f.runs(gas, temperatureC)).findFirst())
                .orElse(furnaces.get(0));
    }

    private record Dose(String formula, double grams) {
    }

    /**
     * Planned formula → what to weigh instead. Unchanged precursors and no excess keep the planner's masses; otherwise
     * every mass is recomputed by {@link Stoichiometry#precursorMasses} for the plan's product mass.
     */
    private Map<String, Dose> doses(Workflow plan, Map<String, Object> parameters) {
        List<Step> dispenses = plan.stepsOf(Action.DISPENSE);
        List<String> planned = dispenses.stream().map(s -> s.material().orElseThrow()).toList();
        List<String> chosen = new ArrayList<>();
        for (String formula : planned) {
            java.util.Set<String> cations = new java.util.LinkedHashSet<>(Composition.parse(formula).elements());
            cations.removeAll(java.util.Set.of("O", "C", "H", "N"));
            String element = cations.size() == 1 ? cations.iterator().next() : null;
            chosen.add(element != null && precursors.containsKey(element)
                    ? choice(parameters, PRECURSOR + element, precursors.get(element)) : formula);
        }
        double excess = excessElement == null ? 0 : excessPercent.clamp(number(parameters, EXCESS, excessPercent.min()));
        Map<String, Dose> out = new LinkedHashMap<>();
        if (chosen.equals(planned) && excess == 0 && excessPercent.min() == 0) {
            return out;
        }
        Composition target = Composition.parse(plan.target().formula());
        List<PrecursorMass> masses = Stoichiometry.precursorMasses(target, productGrams(plan, target, planned),
                chosen.stream().map(Composition::parse).toList(),
                excess > 0 ? Map.of(excessElement, excess / 100) : Map.of());
        for (int i = 0; i < planned.size(); i++) {
            out.put(planned.get(i), new Dose(chosen.get(i), masses.get(i).grams()));
        }
        return out;
    }

    /** The product mass the plan was weighed for: the target's mass, else what the planned doses make. */
    static double productGrams(Workflow plan, Composition target, List<String> planned) {
        if (plan.target().mass() != null) {
            return plan.target().mass().grams();
        }
        List<PrecursorMass> perGram = Stoichiometry.precursorMasses(target, 1, planned.stream().map(Composition::parse).toList(), Map.of());
        double dosed = plan.stepsOf(Action.DISPENSE).get(0).quantity("mass").orElseThrow().grams();
        return dosed / perGram.get(0).grams();
    }

    /** The planned program with its first (dwell) segment replaced; later segments (cooling) keep their targets, ramps capped. */
    private static List<Object> withFirstSegment(Step heat, Map<String, Object> first, double maxRamp) {
        List<Object> profile = new ArrayList<>();
        profile.add(first);
        heat.profile().stream().skip(1).forEach(seg -> profile.add(Map.of(
                "temperature", Map.of("value", seg.temperature().value(), "unit", seg.temperature().unit()),
                "rampRate", Map.of("value", round(Math.min(seg.rampRate().celsiusPerMinute(), maxRamp)), "unit", "°C/min"),
                "hold", Map.of("value", seg.hold().value(), "unit", seg.hold().unit()))));
        return profile;
    }

    private static String choice(Map<String, Object> p, String name, List<String> levels) {
        Object v = p.get(name);
        if (v == null) {
            return levels.get(0);
        }
        if (!levels.contains(String.valueOf(v))) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + v + "' is not one of " + levels);
        }
        return String.valueOf(v);
    }

    private static double number(Map<String, Object> p, String name, double otherwise) {
        Object v = p.get(name);
        if (v == null && (TEMPERATURE.equals(name) || HOLD.equals(name))) {
            throw new IllegalArgumentException("parameter '" + name + "' missing");
        }
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a number: " + v);
        }
        return n.doubleValue();
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
