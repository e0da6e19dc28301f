package org.athanor.agent.planner.goal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Quantity;

/**
 * What the goal reader understood from a goal, field by field, and what it did not: every fragment it could not read
 * is listed in {@code unparsed}, and every interpretation it had to choose is stated in {@code notes}. Absent fields
 * are null: the goal did not say.
 *
 * @param target the product (null when the goal names none, e.g. "mix A and B and heat")
 * @param startingMaterials substances the goal names as precursors or starting materials ("from SrCO3 and TiO2")
 * @param startingMasses the mass the goal gives for a starting material ("from 1.97 g BaCO3 and 0.80 g TiO2"), by its
 *                       formula as in {@code startingMaterials}; empty when the goal gives none
 * @param productMass the product mass asked for, in the goal's unit
 * @param characterization "xrd" and/or "raman"
 * @param maxTemperature an upper limit on every heat segment, in the goal's unit
 * @param maxRamp an upper limit on every ramp
 * @param requestedRamp a ramp the goal asks for ("heat at 40 K/min"), not a limit
 * @param coolingRamp the cooling rate the goal asks for ("2 °C/min cooling"), when it differs from the heating ramp
 * @param fixedTemperature the temperature the goal asks for ("at 800 °C")
 * @param hold the hold the goal asks for ("for 10 h")
 * @param millTime how long to mill the precursors ("ball-mill for 45 min")
 * @param atmosphere the atmosphere the goal asks for
 * @param furnaceKind "box" or "tube" when the goal asks for one
 * @param crucible the crucible material the goal asks for, by the crucible table's name ("quartz", "platinum")
 * @param excludedPrecursors precursor classes the goal rules out ("nitrate", "carbonate", "ammonium salt"), and precursors
 *                           it rules out by name, as the precursor table writes them ("instead of MgO": "MgO")
 * @param twoThetaStart start of the XRD scan the goal asks for ("2θ 10–90°")
 * @param twoThetaEnd end of the XRD scan the goal asks for
 * @param laserWavelength the Raman laser line the goal asks for ("785 nm")
 * @param laserPower the Raman laser power the goal asks for ("50 mW")
 * @param excess extra amount of an element in percent ("10 % excess Li" → Li=10)
 * @param batches how many batches (samples) the goal asks for; null means one
 * @param safetyOverrideRequested the goal asked to skip or ignore safety checks (never honoured)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Understanding(
        String goal,
        TargetReading target,
        List<TargetReading> startingMaterials,
        Map<String, Quantity> startingMasses,
        Quantity productMass,
        List<String> characterization,
        Quantity maxTemperature,
        Quantity maxRamp,
        Quantity requestedRamp,
        Quantity coolingRamp,
        Quantity fixedTemperature,
        Quantity hold,
        Quantity millTime,
        Atmosphere atmosphere,
        String furnaceKind,
        String crucible,
        List<String> excludedPrecursors,
        Quantity twoThetaStart,
        Quantity twoThetaEnd,
        Quantity laserWavelength,
        Quantity laserPower,
        Map<String, Double> excess,
        Integer batches,
        boolean safetyOverrideRequested,
        List<String> notes,
        List<String> unparsed) {

    public Understanding {
        startingMaterials = List.copyOf(startingMaterials);
        startingMasses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(startingMasses)); // the goal's order
        characterization = List.copyOf(characterization);
        excludedPrecursors = List.copyOf(excludedPrecursors);
        excess = Map.copyOf(excess);
        notes = List.copyOf(notes);
        unparsed = List.copyOf(unparsed);
    }

    public boolean wantsXrd() {
        return characterization.contains("xrd");
    }

    public boolean wantsRaman() {
        return characterization.contains("raman");
    }

    public int batchCount() {
        return batches == null ? 1 : batches;
    }

    /** A substance as the goal named it: its reduced formula, composition per formula unit, and the words used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetReading(String formula, Map<String, Double> composition, String name, String writtenAs) {
        public TargetReading {
            composition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(composition)); // formula order: plans are reproducible
        }
    }
}
