package org.athanor.agent.planner.goal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Quantity;

/** The reading in progress: each phrase reader fills its fields and marks the characters it used. */
final class Draft {
    final String goal;
    final Coverage coverage;
    Understanding.TargetReading target;
    final List<Understanding.TargetReading> startingMaterials = new ArrayList<>();
    /** Where each starting material is named in the goal, in the order of {@link #startingMaterials}. */
    final List<int[]> startingSpans = new ArrayList<>();
    /** Every mass the goal states, in order; {@link QuantityPhrases#assignMasses} decides whose each one is. */
    final List<QuantityPhrases.MassPhrase> masses = new ArrayList<>();
    final Map<String, Quantity> startingMasses = new LinkedHashMap<>();
    Quantity productMass;
    final Set<String> characterization = new LinkedHashSet<>();
    Quantity maxTemperature;
    Quantity maxRamp;
    Quantity requestedRamp;
    Quantity coolingRamp;
    Quantity fixedTemperature;
    Quantity hold;
    Quantity millTime;
    Atmosphere atmosphere;
    String furnaceKind;
    String crucible;
    final Set<String> excludedPrecursors = new LinkedHashSet<>();
    Quantity twoThetaStart;
    Quantity twoThetaEnd;
    Quantity laserWavelength;
    Quantity laserPower;
    final Map<String, Double> excess = new LinkedHashMap<>();
    Integer batches;
    boolean safetyOverrideRequested;
    final List<String> notes = new ArrayList<>();
    final List<String> unparsed = new ArrayList<>();

    Draft(String goal) {
        this.goal = goal;
        this.coverage = new Coverage(goal);
    }

    void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    Understanding build() {
        List<String> left = new ArrayList<>(unparsed);
        for (String fragment : coverage.leftovers()) {
            if (!left.contains(fragment)) {
                left.add(fragment);
            }
        }
        return new Understanding(goal, target, startingMaterials, startingMasses, productMass, List.copyOf(characterization), maxTemperature,
                maxRamp, requestedRamp, coolingRamp, fixedTemperature, hold, millTime, atmosphere, furnaceKind, crucible, List.copyOf(excludedPrecursors), twoThetaStart, twoThetaEnd,
                laserWavelength, laserPower, excess, batches,
                safetyOverrideRequested, notes, left);
    }
}
