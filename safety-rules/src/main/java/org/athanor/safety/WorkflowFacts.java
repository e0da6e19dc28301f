package org.athanor.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.safety.fact.Classification;
import org.athanor.safety.fact.DispenseFact;
import org.athanor.safety.fact.GoalFact;
import org.athanor.safety.fact.HeatFact;
import org.athanor.safety.fact.HeldSample;
import org.athanor.safety.fact.Inventory;
import org.athanor.safety.fact.MalformedInput;
import org.athanor.safety.fact.Material;
import org.athanor.safety.fact.MixFact;
import org.athanor.safety.fact.OperatorApproval;
import org.athanor.safety.fact.QuantityFact;
import org.athanor.safety.fact.RamanFact;
import org.athanor.safety.fact.StepFact;
import org.athanor.safety.fact.XrdFact;
import org.athanor.safety.hazard.FormulaScan;
import org.athanor.safety.hazard.MaterialHazard;
import org.athanor.safety.hazard.MaterialHazardTable;
import org.athanor.safety.lab.LabState;
import org.athanor.units.Units;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Constraints;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowException;

/**
 * Turns a workflow and the lab into the facts the plan-time rules judge. It reads and converts (every temperature to
 * °C through {@link Units}, so °C, K and °F compare alike) but decides nothing: the verdict is the rules'.
 * Only the named parts of a workflow and its {@code approvals} property are read; no other property or goal text
 * reaches the rules, so none can switch one off.
 */
final class WorkflowFacts {

    /** Step parameters that hold quantities, with the dimension each must have. */
    private static final Map<String, Map<String, String>> QUANTITY_PARAMS = Map.of(
            "dispense", Map.of("mass", "mass"),
            "mix", Map.of("duration", "time"),
            "wait", Map.of("duration", "time"),
            "xrd", Map.of("twoThetaStart", "angle", "twoThetaEnd", "angle", "stepSize", "angle", "countTime", "time"),
            "raman", Map.of("laserWavelength", "length", "laserPower", "power", "rangeStart", "wavenumber",
                    "rangeEnd", "wavenumber", "exposure", "time"));

    /** A precursor and the groups the classification rules put it in. */
    private record Described(Material material, List<Classification> groups) {
    }

    private final MaterialHazardTable hazards;
    private final RuleSet rules;
    private final Map<String, Described> materials = new ConcurrentHashMap<>();
    private final UnitConversions units = new UnitConversions();

    WorkflowFacts(MaterialHazardTable hazards, RuleSet rules) {
        this.hazards = hazards;
        this.rules = rules;
    }

    List<Object> facts(Workflow workflow, LabState lab) {
        List<Object> facts = new ArrayList<>(64);
        List<Step> steps = workflow.steps();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            firstIndex.putIfAbsent(steps.get(i).id(), i);
        }
        int[][] predecessors = predecessorIndices(steps, firstIndex);
        Set<String> instruments = new LinkedHashSet<>();
        Set<String> crucibles = new LinkedHashSet<>();
        Set<String> formulas = new LinkedHashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String action = step.action() == null ? "unknown" : step.action().json();
            facts.add(new StepFact(step.id(), i, action, step.instrument(), step.sample(), step.after(),
                    ancestors(steps, i, predecessors)));
            if (step.instrument() != null) {
                instruments.add(step.instrument());
            }
            try {
                switch (action) {
                    case "dispense" -> formulas.add(dispense(step, i, facts));
                    case "heat" -> crucibles.add(heat(step, i, facts));
                    case "mix" -> facts.add(new MixFact(step.id(), step.sample(), step.instrument(), number(step, "duration", "min", "time", facts)));
                    case "xrd" -> facts.add(new XrdFact(step.id(), step.instrument(),
                            number(step, "twoThetaStart", "deg", "angle", facts), number(step, "twoThetaEnd", "deg", "angle", facts)));
                    case "raman" -> facts.add(new RamanFact(step.id(), step.instrument(),
                            number(step, "laserWavelength", "nm", "length", facts), number(step, "laserPower", "mW", "power", facts)));
                    default -> {
                    }
                }
                for (var p : QUANTITY_PARAMS.getOrDefault(action, Map.of()).entrySet()) {
                    if (!isReadByAction(action, p.getKey())) {
                        step.quantity(p.getKey()).ifPresent(q -> facts.add(quantityFact(step.id(), p.getKey(), q, p.getValue())));
                    }
                }
            } catch (WorkflowException | IllegalArgumentException e) {
                facts.add(new MalformedInput(step.id(), e.getMessage()));
            }
        }
        for (String id : instruments) {
            lab.instrument(id).ifPresent(facts::add);
        }
        for (String c : crucibles) {
            if (c != null) {
                lab.crucible(c).ifPresent(facts::add);
            }
        }
        for (String f : formulas) {
            Described d = described(f);
            facts.add(d.material());
            facts.addAll(d.groups());
        }
        facts.add(new Inventory(lab.inventory(), "lab inventory of " + lab.name()));
        // Samples made by earlier workflows that this one names (a re-measurement acts on one it never fills).
        steps.stream().map(Step::sample).filter(java.util.Objects::nonNull).distinct()
                .forEach(s -> lab.sampleLocation(s).ifPresent(at -> facts.add(new HeldSample(s, at))));
        workflowLevel(workflow, facts);
        return facts;
    }

    /** mix, xrd and raman read some quantities into their own facts; those are checked there. */
    private static boolean isReadByAction(String action, String param) {
        return switch (action) {
            case "dispense" -> param.equals("mass");
            case "mix" -> param.equals("duration");
            case "xrd" -> param.equals("twoThetaStart") || param.equals("twoThetaEnd");
            case "raman" -> param.equals("laserWavelength") || param.equals("laserPower");
            default -> false;
        };
    }

    private String dispense(Step step, int index, List<Object> facts) {
        String formula = FormulaScan.key(step.material().orElse(""));
        double grams = number(step, "mass", "g", "mass", facts);
        facts.add(new DispenseFact(step.id(), index, step.sample(), step.instrument(), formula, grams));
        return formula;
    }

    private String heat(Step step, int index, List<Object> facts) {
        List<HeatSegment> profile = step.profile();
        double peak = Double.NaN;
        double ramp = Double.NaN;
        for (int k = 0; k < profile.size(); k++) {
            HeatSegment s = profile.get(k);
            String at = "profile[" + k + "].";
            peak = max(peak, convert(step.id(), at + "temperature", s.temperature(), "°C", "temperature", facts));
            ramp = max(ramp, convert(step.id(), at + "rampRate", s.rampRate(), "°C/min", "ramp", facts));
            convert(step.id(), at + "hold", s.hold(), "h", "time", facts);
        }
        Optional<Atmosphere> atmosphere = step.atmosphere();
        String gas = atmosphere.map(Atmosphere::gas).orElse(null);
        double h2 = atmosphere.map(WorkflowFacts::h2Percent).orElse(0.0);
        boolean oxidising = atmosphere.map(Atmosphere::isOxidising).orElse(false);
        boolean reducing = atmosphere.map(a -> a.containsHydrogen() || "CO".equals(a.gas())).orElse(false);
        atmosphere.map(Atmosphere::flow).ifPresent(f -> convert(step.id(), "atmosphere.flow", f, "mL/min", "flow", facts));
        String crucible = step.crucible().orElse(null);
        facts.add(new HeatFact(step.id(), index, step.sample(), step.instrument(), crucible, profile.size(), peak, ramp,
                gas, h2, oxidising, reducing));
        return crucible;
    }

    /** H2 volume percent; NaN for an H2 mixture that does not say how much (never assume the safe value). */
    static double h2Percent(Atmosphere a) {
        if (a.h2Percent() == null && a.gas() != null && a.gas().startsWith("H2/")) {
            return Double.NaN;
        }
        return a.effectiveH2Percent();
    }

    private void workflowLevel(Workflow workflow, List<Object> facts) {
        if (workflow.target() != null && workflow.target().mass() != null) {
            convert(null, "target.mass", workflow.target().mass(), "g", "mass", facts);
        }
        Constraints c = workflow.constraints();
        if (c != null && (c.maxTemperature() != null || c.maxRampRate() != null || c.atmosphere() != null)) {
            double maxT = c.maxTemperature() == null ? Double.NaN
                    : convert(null, "constraints.maxTemperature", c.maxTemperature(), "°C", "temperature", facts);
            double maxRamp = c.maxRampRate() == null ? Double.NaN
                    : convert(null, "constraints.maxRampRate", c.maxRampRate(), "°C/min", "ramp", facts);
            Atmosphere a = c.atmosphere();
            facts.add(new GoalFact(maxT, maxRamp, a == null ? null : a.gas(), a == null ? Double.NaN : h2Percent(a)));
        }
        Object approvals = workflow.extensions().get("approvals");
        if (approvals == null) {
            return;
        }
        if (!(approvals instanceof List<?> list)) {
            facts.add(new MalformedInput(null, "property 'approvals' must be a list of {\"material\", \"by\"} objects"));
            return;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("material") instanceof String material && m.get("by") instanceof String by
                    && !material.isBlank() && !by.isBlank()) {
                facts.add(new OperatorApproval(FormulaScan.key(material), by.strip()));
            } else {
                facts.add(new MalformedInput(null, "an entry of 'approvals' needs a non-empty \"material\" and \"by\": " + o));
            }
        }
    }

    private double number(Step step, String param, String unit, String dimension, List<Object> facts) {
        Optional<Quantity> q = step.quantity(param);
        return q.map(v -> convert(step.id(), param, v, unit, dimension, facts)).orElse(Double.NaN);
    }

    /**
     * Records the quantity for the unit rules and returns it in {@code unit}, or NaN when it cannot be used. Rounded to
     * 1e-6 so that 1473.15 K is exactly 1200 °C and not 1200.0000000000002.
     */
    private double convert(String stepId, String name, Quantity q, String unit, String dimension, List<Object> facts) {
        QuantityFact fact = quantityFact(stepId, name, q, dimension);
        facts.add(fact);
        if (!fact.finite() || !fact.dimension().equals(dimension)) {
            return Double.NaN;
        }
        return Math.round(units.convert(q.value(), q.unit(), unit) * 1e6) / 1e6;
    }

    private QuantityFact quantityFact(String stepId, String name, Quantity q, String expected) {
        String dimension = units.dimension(q.unit());
        return new QuantityFact(stepId, name, q.value(), q.unit(), expected, dimension, q.isFinite());
    }

    private static double max(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : Math.max(a, b);
    }

    /**
     * Every step that must finish before step {@code i}; contains the step's own id only when it sits in a cycle
     * (steps are followed by position, so a duplicated id is not mistaken for a cycle).
     */
    private static Set<String> ancestors(List<Step> steps, int i, int[][] predecessors) {
        int n = steps.size();
        boolean[] seen = new boolean[n];
        // Each step is pushed once, when first seen, and step i once more at the start.
        int[] todo = new int[n + 1];
        int top = 0;
        todo[top++] = i;
        while (top > 0) {
            int k = todo[--top];
            for (int j : predecessors[k]) {
                if (!seen[j]) {
                    seen[j] = true;
                    todo[top++] = j;
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < n; k++) {
            if (seen[k]) {
                ids.add(steps.get(k).id());
            }
        }
        if (!seen[i]) {
            ids.remove(steps.get(i).id());
        }
        return ids;
    }

    /** For each step, the positions of the steps it waits for (ids resolved to their first step; unknown ids left out). */
    private static int[][] predecessorIndices(List<Step> steps, Map<String, Integer> index) {
        int[][] out = new int[steps.size()][];
        for (int k = 0; k < steps.size(); k++) {
            List<String> ids = predecessors(steps, k);
            int[] positions = new int[ids.size()];
            int m = 0;
            for (String p : ids) {
                Integer j = index.get(p);
                if (j != null) {
                    positions[m++] = j;
                }
            }
            out[k] = m == positions.length ? positions : java.util.Arrays.copyOf(positions, m);
        }
        return out;
    }

    private static List<String> predecessors(List<Step> steps, int k) {
        Step s = steps.get(k);
        if (s.after() != null) {
            return s.after();
        }
        return k == 0 ? List.of() : List.of(steps.get(k - 1).id());
    }

    /** Descriptions are cached per formula; the cap keeps arbitrary input from growing the cache without end. */
    private Described described(String formula) {
        Described known = materials.get(formula);
        if (known != null) {
            return known;
        }
        Material m = describe(formula);
        Described d = new Described(m, List.copyOf(rules.classify(m)));
        if (materials.size() < 10_000) {
            materials.put(formula, d);
        }
        return d;
    }

    private Material describe(String formula) {
        Optional<MaterialHazard> row = hazards.lookup(formula);
        // The ions the classification rules read are in the spelling ("NH4NO3" has NO3, "H4N2O3" shows none), so a
        // compound the table knows under another spelling is read as the table writes it.
        FormulaScan.Scan scan = FormulaScan.scan(row.map(MaterialHazard::formula).orElse(formula));
        Set<String> elements = new java.util.TreeSet<>(scan.counts().keySet());
        return new Material(formula, scan.readable(), scan.elemental(), Set.copyOf(elements), scan.metals(), scan.nonMetals(),
                scan.ions(), scan.hydrate(), row.isPresent(),
                row.map(MaterialHazard::groups).orElse(Set.of()), row.map(MaterialHazard::ghs).orElse(Set.of()),
                row.map(MaterialHazard::decompositionOnsetC).orElse(Double.NaN),
                row.map(MaterialHazard::volatilisesAboveC).orElse(Double.NaN),
                row.map(h -> "materials hazard table: " + h.name() + (h.formula().equals(formula) ? "" : ", " + h.formula())
                        + " (" + h.source() + ")").orElse("formula " + formula));
    }
}
