package org.athanor.simulators.lab;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The mixer / ball mill {@code mill-1}: up to 60 min, one sample at a time (RULES.md §1). */
public final class Mixer extends SynthesisInstrument {

    static final double MAX_SECONDS = 3600;
    private static final Set<String> METHODS = Set.of("mortar", "ball-mill", "shaker");

    public Mixer(String id, LabContext lab) {
        super(id, lab);
    }

    @Override
    public String model() {
        return "Athanor simulated planetary ball mill";
    }

    public String mix(String commandId, String approvalToken, String sampleId, double durationS, String method) {
        return command(commandId, approvalToken, false, () -> {
            if (isBusy()) {
                return "rejected: " + id + " is " + currentState() + " (one sample at a time)";
            }
            if (!(durationS > 0 && durationS <= MAX_SECONDS)) {
                return "rejected: duration " + durationS + " s is outside 0 to " + MAX_SECONDS + " s";
            }
            String m = method == null || method.isBlank() ? "ball-mill" : method;
            if (!METHODS.contains(m)) {
                return "rejected: unknown method '" + m + "', expected one of " + METHODS;
            }
            if (!lab.world().hasSample(sampleId)) {
                return "rejected: unknown sample " + sampleId;
            }
            String where = lab.world().location(sampleId);
            if (!where.equals("rack") && !where.equals(id)) {
                return "rejected: sample " + sampleId + " is in " + where;
            }
            // The crucible goes into the mill for mixing and stays there until the robot takes it away.
            lab.world().move(sampleId, id);
            runFor(commandId, Duration.ofMillis((long) (durationS * 1000)), () -> {
                lab.world().mix(sampleId, durationS, m);
                return Map.of("sample", sampleId, "durationS", durationS, "method", m);
            });
            return "accepted";
        });
    }
}
