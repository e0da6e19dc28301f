package org.athanor.simulators.lab;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The transfer arm {@code robot-1}. Locations are instrument ids or {@code rack}. It picks a crucible only at or
 * below 100 °C (RULES.md §1); loading a furnace needs it not Running and a free slot. The robot opens and closes
 * furnace doors itself. A move takes 30 s of lab time.
 */
public final class TransferRobot extends SynthesisInstrument {

    static final double MAX_PICK_TEMPERATURE_C = 100;
    private final Map<String, Furnace> furnaces;
    private final Set<String> locations;

    public TransferRobot(String id, LabContext lab, Map<String, Furnace> furnaces, Set<String> locations) {
        super(id, lab);
        this.furnaces = Map.copyOf(furnaces);
        this.locations = Set.copyOf(locations);
    }

    @Override
    public String model() {
        return "Athanor simulated six-axis transfer arm";
    }

    public String transfer(String commandId, String approvalToken, String sampleId, String from, String to) {
        return command(commandId, approvalToken, false, () -> {
            if (isBusy()) {
                return "rejected: " + id + " is " + currentState();
            }
            if (!locations.contains(to) || !locations.contains(from)) {
                return "rejected: unknown location '" + (locations.contains(to) ? from : to) + "', known: " + locations;
            }
            if (!lab.world().hasSample(sampleId)) {
                return "rejected: unknown sample " + sampleId;
            }
            String where = lab.world().location(sampleId);
            if (!where.equals(from)) {
                return "rejected: sample " + sampleId + " is at " + where + ", not " + from;
            }
            Furnace source = furnaces.get(from);
            if (source != null) {
                String refusal = source.refusalToUnload(sampleId, MAX_PICK_TEMPERATURE_C);
                if (refusal != null) {
                    return "rejected: " + refusal;
                }
            }
            Furnace target = furnaces.get(to);
            if (target != null) {
                String refusal = target.refusalToLoad(sampleId);
                if (refusal != null) {
                    return "rejected: " + refusal;
                }
            }
            if (source != null) {
                source.unload(sampleId);
            }
            if (target != null) {
                target.load(sampleId);
            }
            lab.world().move(sampleId, to);
            runFor(commandId, Duration.ofSeconds(30), () -> Map.of("sample", sampleId, "from", from, "to", to));
            return "accepted";
        });
    }
}
