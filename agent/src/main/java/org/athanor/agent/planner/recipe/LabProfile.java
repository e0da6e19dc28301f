package org.athanor.agent.planner.recipe;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lab as the planner sees it: instrument ids, furnace envelopes, crucible materials on hand and the powder
 * inventory. The planner uses it to propose plans that can pass; the safety gate, not this record, decides.
 *
 * @param inventory precursor formulas on the shelf; empty means "not known", in which case every table precursor is offered
 */
public record LabProfile(
        String dispenser,
        String mill,
        String robot,
        String xrd,
        String raman,
        List<FurnaceSpec> furnaces,
        List<String> crucibles,
        Set<String> inventory,
        double crucibleCapacityGrams,
        double minDoseGrams,
        double maxDoseGrams,
        double maxMixMinutes) {

    public LabProfile {
        furnaces = List.copyOf(furnaces);
        crucibles = List.copyOf(crucibles);
        inventory = Set.copyOf(inventory);
    }

    /** A furnace's envelope: kind (box or tube), maximum temperature, maximum ramp, gases it may run, crucible slots. */
    public record FurnaceSpec(String id, String kind, double maxCelsius, double maxRampCPerMin, Set<String> gases, double maxH2Percent, int slots) {
        public FurnaceSpec {
            gases = Set.copyOf(gases);
        }

        public boolean accepts(String gas, double h2Percent) {
            return gases.contains(gas) && h2Percent <= maxH2Percent;
        }
    }

    /**
     * The default simulated lab (../shared/safety/RULES.md §1): box furnaces air-only to 1200 °C, tube furnace to
     * 1500 °C with air, O2, N2, Ar or ≤ 4 % H2 in Ar/N2; all ramps ≤ 10 °C/min; doses 5 mg–20 g; mill ≤ 60 min;
     * crucibles hold 15 g.
     */
    public static LabProfile defaultSimulatedLab() {
        return new LabProfile("dispenser-1", "mill-1", "robot-1", "xrd-1", "raman-1",
                List.of(new FurnaceSpec("box-furnace-1", "box", 1200, 10, Set.of("air"), 0, 4),
                        new FurnaceSpec("box-furnace-2", "box", 1200, 10, Set.of("air"), 0, 4),
                        new FurnaceSpec("tube-furnace-1", "tube", 1500, 10, Set.of("air", "O2", "N2", "Ar", "H2/Ar", "H2/N2"), 4, 1)),
                List.of("alumina", "zirconia", "magnesia", "platinum", "quartz"),
                Set.of(), 15, 0.005, 20, 60);
    }

    public Optional<FurnaceSpec> furnace(String id) {
        return furnaces.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The first furnace of this kind ("box" or "tube"). */
    public Optional<FurnaceSpec> firstOfKind(String kind) {
        return furnaces.stream().filter(f -> f.kind().equals(kind)).findFirst();
    }

    public boolean stocks(String formula) {
        return inventory.isEmpty() || inventory.contains(formula);
    }

    public List<String> instrumentIds() {
        List<String> ids = new java.util.ArrayList<>(List.of(dispenser, mill, robot, xrd, raman));
        furnaces.forEach(f -> ids.add(f.id()));
        return ids;
    }

    /** The planner's view of a lab configuration: the first instrument per action, every furnace, crucibles and inventory. */
    public static LabProfile of(org.athanor.safety.lab.LabState lab) {
        java.util.function.Function<String, org.athanor.safety.lab.Instrument> first = action -> lab.instruments().stream()
                .filter(i -> i.performs(action)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lab '" + lab.name() + "' has no instrument for " + action));
        List<FurnaceSpec> furnaces = lab.instruments().stream().filter(org.athanor.safety.lab.Instrument::isFurnace)
                .map(i -> new FurnaceSpec(i.id(), i.kind().startsWith("tube") ? "tube" : "box", i.maxTemperatureC(), i.maxRampCPerMin(),
                        i.gases(), i.maxH2Percent(), i.slots()))
                .toList();
        // Preference order: alumina is the default vessel; the others are alternatives the safety loop may try.
        List<String> order = List.of("alumina", "magnesia", "zirconia", "platinum", "quartz", "boron-nitride", "graphite");
        List<String> crucibles = lab.crucibles().stream().map(org.athanor.safety.lab.CrucibleSpec::material)
                .sorted(java.util.Comparator.comparingInt(m -> order.indexOf(m) < 0 ? order.size() : order.indexOf(m))).toList();
        double capacity = lab.crucibles().stream().mapToDouble(org.athanor.safety.lab.CrucibleSpec::capacityG).filter(Double::isFinite).min().orElse(15);
        var dispenser = first.apply("dispense");
        return new LabProfile(dispenser.id(), first.apply("mix").id(), first.apply("transfer").id(), first.apply("xrd").id(),
                first.apply("raman").id(), furnaces, crucibles, lab.inventory(), capacity, dispenser.minDoseG(), dispenser.maxDoseG(),
                first.apply("mix").maxMixMinutes());
    }
}
