package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.athanor.agent.campaign.ExperimentDesign.Furnace;
import org.athanor.agent.campaign.ExperimentDesign.Range;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.recipe.Redox;
import org.athanor.materials.Composition;
import org.athanor.materials.HazardClass;
import org.athanor.materials.Precursor;
import org.athanor.materials.PrecursorTable;
import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * Builds a campaign's search box from the approved plan, what the goal fixed, the lab's furnaces and inventory, and
 * the safety gate:
 * <ul>
 *   <li>temperature from well below the planner's up to the tighter of the goal's maximum and the hottest furnace
 *       that runs an allowed gas; hold 0.5 h to max(12 h, planned); ramp 2 °C/min to the tighter of the goal's and
 *       the furnaces' limits;</li>
 *   <li>excess 0–10 % of a volatile element (Li, Na, K lose their oxides, Zn its oxide, on long hot firings), only
 *       when the target has one;</li>
 *   <li>atmosphere: for a plan fired in an oxidising gas, air, O2 and Ar; for one fired in inert or reducing gas
 *       (the planner's choice for reduced cations such as Fe²⁺), Ar and 2 % H2 in Ar; only gases some furnace runs;</li>
 *   <li>precursor per cation: the planned one and the lab's stocked single-cation alternatives from the precursor
 *       table (oxides, carbonates, hydroxides, oxalates, ammonium salts) without the hazard classes the planner also
 *       avoids (oxidisers, toxic, water-reactive, flammable...), and without those no gas of the box can bring to a
 *       reduced target's oxidation state (hematite for LiFePO4 under argon);</li>
 * </ul>
 * then every combination of the categorical choices is vetted by the gate at the box's hottest, longest corner, and
 * a level survives only if some combination with it passes. What the goal fixed stays fixed.
 */
final class DesignBounds {

    /** What the goal stated, and so what the campaign may not vary. */
    record Fixed(boolean temperature, boolean hold, boolean ramp, boolean atmosphere, Set<String> precursorElements,
                 Double excessPercent) {
        Fixed {
            precursorElements = Set.copyOf(precursorElements);
        }

        static Fixed only(boolean temperature, boolean hold) {
            return new Fixed(temperature, hold, false, false, Set.of(), null);
        }
    }

    static final List<String> VOLATILE = List.of("Li", "Na", "K", "Zn");
    /** Excess range for a volatile element: 0–10 %, the span of the usual 3–10 % Li excess in solid-state recipes. */
    static final double MAX_EXCESS_PERCENT = 10;
    static final double MIN_RAMP = 2;
    private static final Set<String> BALANCE = Set.of("O", "C", "H", "N");
    private static final Set<HazardClass> AVOIDED = Set.of(HazardClass.OXIDIZER, HazardClass.TOXIC, HazardClass.CARCINOGEN,
            HazardClass.SELF_REACTIVE, HazardClass.WATER_REACTIVE, HazardClass.PYROPHORIC, HazardClass.FLAMMABLE);

    private DesignBounds() {
    }

    static ExperimentDesign of(Workflow plan, LabProfile lab, Fixed fixed, Predicate<Workflow> gateApproves) {
        HeatSegment start = ExperimentDesign.firstSegment(plan);
        Step heat = plan.stepsOf(Action.HEAT).get(0);
        String plannedGas = heat.atmosphere().map(a -> a.gas()).orElse("air");
        var c = plan.constraintsOrNone();

        List<String> gases = new ArrayList<>();
        gases.add(plannedGas);
        if (!fixed.atmosphere() && c.atmosphere() == null) {
            boolean oxidising = "air".equals(plannedGas) || "O2".equals(plannedGas);
            for (String g : oxidising ? List.of("air", "O2", "Ar") : List.of("Ar", "H2/Ar")) {
                if (!gases.contains(g) && lab.furnaces().stream().anyMatch(f -> f.accepts(g, g.startsWith("H2") ? ExperimentDesign.H2_PERCENT : 0))) {
                    gases.add(g);
                }
            }
        }
        List<Furnace> furnaces = furnaces(lab, heat.instrument(), gases);

        double upper = furnaces.stream().mapToDouble(Furnace::maxC).max().orElse(start.temperature().celsius());
        if (c.maxTemperature() != null) {
            upper = Math.min(upper, c.maxTemperature().celsius());
        }
        double t0 = start.temperature().celsius();
        double h0 = start.hold().hours();
        Range t = fixed.temperature() ? Range.fixedAt(t0) : new Range(Math.min(Math.max(400, t0 - 350), upper), upper);
        Range h = fixed.hold() ? Range.fixedAt(h0) : new Range(0.5, Math.max(12, h0));
        double rampMax = furnaces.stream().mapToDouble(Furnace::maxRampCPerMin).max().orElse(start.rampRate().celsiusPerMinute());
        if (c.maxRampRate() != null) {
            rampMax = Math.min(rampMax, c.maxRampRate().celsiusPerMinute());
        }
        Range ramp = fixed.ramp() || rampMax <= MIN_RAMP
                ? Range.fixedAt(Math.min(start.rampRate().celsiusPerMinute(), rampMax)) : new Range(MIN_RAMP, rampMax);

        Composition target = Composition.parse(plan.target().formula());
        String volatileElement = VOLATILE.stream().filter(target::contains).findFirst().orElse(null);
        Range excess = Range.fixedAt(0);
        if (fixed.excessPercent() != null) {
            excess = Range.fixedAt(fixed.excessPercent());
        } else if (volatileElement != null) {
            excess = new Range(0, MAX_EXCESS_PERCENT);
        }

        Map<String, List<String>> precursors = alternatives(plan, lab, target, fixed.precursorElements(), gases);
        ExperimentDesign wide = new ExperimentDesign(t, h, ramp, excess, volatileElement, gases, precursors, furnaces);
        return vetted(wide, plan, gateApproves);
    }

    private static List<Furnace> furnaces(LabProfile lab, String planned, List<String> gases) {
        List<Furnace> out = new ArrayList<>();
        List<LabProfile.FurnaceSpec> specs = new ArrayList<>(lab.furnaces());
        specs.sort((a, b) -> Boolean.compare(!a.id().equals(planned), !b.id().equals(planned)));
        for (LabProfile.FurnaceSpec f : specs) {
            List<String> runs = gases.stream().filter(g -> f.accepts(g, g.startsWith("H2") ? ExperimentDesign.H2_PERCENT : 0)).toList();
            if (!runs.isEmpty()) {
                out.add(new Furnace(f.id(), f.maxCelsius(), f.maxRampCPerMin(), runs));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no furnace of the lab runs " + gases);
        }
        return out;
    }

    /** Planned precursor first, then the stocked single-cation alternatives for the same element. */
    private static Map<String, List<String>> alternatives(Workflow plan, LabProfile lab, Composition target, Set<String> fixedElements,
                                                          List<String> gases) {
        PrecursorTable table = PrecursorTable.standard();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Step d : plan.stepsOf(Action.DISPENSE)) {
            String formula = d.material().orElse(null);
            if (formula == null) {
                continue;
            }
            Set<String> cations = cations(Composition.parse(formula));
            if (cations.size() != 1 || !target.contains(cations.iterator().next())) {
                continue;
            }
            String element = cations.iterator().next();
            Set<String> options = new LinkedHashSet<>();
            options.add(formula);
            if (!fixedElements.contains(element)) {
                for (Precursor p : table.forElement(element)) {
                    if (lab.stocks(p.formula()) && cations(p.composition()).equals(Set.of(element))
                            && p.composition().elements().size() > 1
                            && p.hazardClasses().stream().noneMatch(AVOIDED::contains)
                            && reachable(p, element, target, gases)) {
                        options.add(p.formula());
                    }
                }
            }
            out.put(element, List.copyOf(options));
        }
        return out;
    }

    /**
     * Whether a gas of the box can bring the precursor's cation to the target's oxidation state. A target the planner
     * fires under inert gas to keep a reduced cation (Fe²⁺, Mn²⁺, Cu⁺, Ti³⁺, V³⁺: {@link Redox#preferredAtmosphere})
     * cannot be made from a higher-valent precursor of it in inert gas: nothing reduces Fe³⁺ in hematite to Fe²⁺ under
     * argon at solid-state temperatures (LiFePO4 from Fe2O3 needs H2 or a carbon source: Padhi et al., J. Electrochem.
     * Soc. 144 (1997) 1188). Such a precursor stays in the box only if a hydrogen mixture is among its gases.
     */
    static boolean reachable(Precursor p, String element, Composition target, List<String> gases) {
        Map<String, Double> wanted = target.asMap();
        if (!"Ar".equals(Redox.preferredAtmosphere(wanted)) || gases.stream().anyMatch(g -> g.startsWith("H2"))) {
            return true;
        }
        return !Redox.moreOxidisedThanTarget(p.formula(), p.composition().asMap(), element, wanted);
    }

    private static Set<String> cations(Composition c) {
        Set<String> out = new LinkedHashSet<>(c.elements());
        out.removeAll(BALANCE);
        return out;
    }

    /** Keeps the categorical levels that appear in at least one combination the gate approves at the box's corner. */
    private static ExperimentDesign vetted(ExperimentDesign wide, Workflow plan, Predicate<Workflow> gateApproves) {
        List<Map<String, Object>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        combos = expand(combos, ExperimentDesign.ATMOSPHERE, wide.atmospheres());
        for (Map.Entry<String, List<String>> e : wide.precursors().entrySet()) {
            combos = expand(combos, ExperimentDesign.PRECURSOR + e.getKey(), e.getValue());
        }
        Set<String> gases = new LinkedHashSet<>();
        Map<String, Set<String>> precursors = new LinkedHashMap<>();
        wide.precursors().keySet().forEach(e -> precursors.put(e, new LinkedHashSet<>()));
        int n = 0;
        for (Map<String, Object> combo : combos) {
            Map<String, Object> corner = new LinkedHashMap<>(combo);
            corner.put(ExperimentDesign.TEMPERATURE, wide.temperatureC().max());
            corner.put(ExperimentDesign.HOLD, wide.holdH().max());
            corner.put(ExperimentDesign.RAMP, wide.ramp().max());
            corner.put(ExperimentDesign.EXCESS, wide.excessPercent().max());
            boolean approved;
            try {
                approved = gateApproves.test(wide.apply(plan, "design-check", ++n, corner));
            } catch (RuntimeException e) {
                approved = false; // e.g. masses that cannot be balanced
            }
            if (approved) {
                gases.add(String.valueOf(combo.get(ExperimentDesign.ATMOSPHERE)));
                wide.precursors().keySet().forEach(e -> precursors.get(e).add(String.valueOf(combo.get(ExperimentDesign.PRECURSOR + e))));
            }
        }
        if (gases.isEmpty()) {
            return wide; // nothing passes at the corner: keep the plan's own choices, the gate vets each experiment
        }
        List<String> keptGases = wide.atmospheres().stream().filter(gases::contains).toList();
        Map<String, List<String>> keptPrecursors = new LinkedHashMap<>();
        wide.precursors().forEach((e, l) -> keptPrecursors.put(e, l.stream().filter(precursors.get(e)::contains).toList()));
        List<Furnace> furnaces = wide.furnaces().stream()
                .map(f -> new Furnace(f.id(), f.maxC(), f.maxRampCPerMin(), f.gases().stream().filter(keptGases::contains).toList()))
                .filter(f -> !f.gases().isEmpty()).toList();
        return new ExperimentDesign(wide.temperatureC(), wide.holdH(), wide.ramp(), wide.excessPercent(), wide.excessElement(),
                keptGases.isEmpty() ? wide.atmospheres() : keptGases, keptPrecursors, furnaces.isEmpty() ? wide.furnaces() : furnaces);
    }

    private static List<Map<String, Object>> expand(List<Map<String, Object>> combos, String name, List<String> levels) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : combos) {
            for (String level : levels) {
                Map<String, Object> m = new LinkedHashMap<>(c);
                m.put(name, level);
                out.add(m);
            }
        }
        return out;
    }
}
