package org.athanor.simulators.lab;

import java.time.Duration;
import java.util.Map;

/**
 * The powder doser {@code dispenser-1}: 5 mg to 20 g per dose, only materials in the inventory (RULES.md §1).
 * A dose takes 20 s plus 10 s per gram of lab time; the result's {@code dispensedMg} is the actual mass.
 */
public final class Dispenser extends SynthesisInstrument {

    static final double MIN_MG = 5;
    static final double MAX_MG = 20_000;

    public Dispenser(String id, LabContext lab) {
        super(id, lab);
    }

    @Override
    public String model() {
        return "Athanor simulated gravimetric powder doser";
    }

    public String inventoryJson() {
        return json(lab.world().inventoryGrams());
    }

    public String dispense(String commandId, String approvalToken, String sampleId, String material, double massMg) {
        return command(commandId, approvalToken, false, () -> {
            if (isBusy()) {
                return "rejected: " + id + " is " + currentState();
            }
            if (!(massMg >= MIN_MG && massMg <= MAX_MG)) {
                return "rejected: dose " + massMg + " mg is outside " + MIN_MG + " mg to " + MAX_MG / 1000 + " g";
            }
            if (sampleId == null || sampleId.isBlank()) {
                return "rejected: sampleId is required";
            }
            if (lab.world().hasSample(sampleId) && !lab.world().location(sampleId).equals("rack")
                    && !lab.world().location(sampleId).equals(id)) {
                return "rejected: sample " + sampleId + " is in " + lab.world().location(sampleId);
            }
            double actual = lab.world().dispense(sampleId, material, massMg, lab.random());
            runFor(commandId, Duration.ofMillis((long) (20_000 + 10 * massMg)),
                    () -> Map.of("sample", sampleId, "material", material, "requestedMg", massMg, "dispensedMg", actual));
            return "accepted";
        });
    }
}
