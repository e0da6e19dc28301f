package org.athanor.agent.planner.llm;

import java.util.stream.Collectors;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.units.Units;

/** The lab in one paragraph for the model: instrument ids, furnace envelopes, crucibles, inventory. */
final class LabDescription {

    private LabDescription() {
    }

    static String of(LabProfile lab) {
        String furnaces = lab.furnaces().stream()
                .map(f -> f.id() + " (" + f.kind() + ", ≤ " + Units.format(f.maxCelsius()) + " °C, ramp ≤ " + Units.format(f.maxRampCPerMin())
                        + " °C/min, gases " + String.join("/", f.gases().stream().sorted().toList()) + (f.maxH2Percent() > 0 ? ", H2 ≤ " + Units.format(f.maxH2Percent()) + " %" : "") + ")")
                .collect(Collectors.joining("; "));
        return "dispenser " + lab.dispenser() + ", mill " + lab.mill() + ", robot " + lab.robot() + ", diffractometer " + lab.xrd()
                + ", Raman " + lab.raman() + "; furnaces: " + furnaces + "; crucibles: " + String.join(", ", lab.crucibles())
                + (lab.inventory().isEmpty() ? "; precursors: ask listPrecursors" : "; inventory: " + String.join(", ", lab.inventory().stream().sorted().toList()));
    }
}
