package org.athanor.agent.planner.llm;

import java.util.ArrayList;
import java.util.List;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.chemistry.Compositions;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.recipe.PrecursorChooser;
import org.athanor.units.Units;

/**
 * Catches what a model gets wrong before anything is assembled: missing fields, instruments or materials the lab does
 * not have (hallucinations), a target other than the goal's, and limits the goal stated but the proposal ignores.
 */
final class ProposalCheck {

    private static final List<String> GASES = List.of("air", "O2", "N2", "Ar", "He", "CO2", "H2", "H2/Ar", "H2/N2", "vacuum");

    private ProposalCheck() {
    }

    static List<String> problems(WorkflowProposal p, Understanding u, LabProfile lab, Chemistry chemistry) {
        List<String> out = new ArrayList<>();
        if (p == null) {
            return List.of("no proposal was returned");
        }
        if (p.targetFormula() == null || p.temperatureC() == null || p.rampCPerMin() == null || p.holdHours() == null
                || p.furnace() == null || p.crucible() == null || p.atmosphere() == null || p.precursors() == null || p.precursors().isEmpty()) {
            out.add("fields missing: targetFormula, precursors, furnace, crucible, atmosphere, temperatureC, rampCPerMin and holdHours are all required");
            return out;
        }
        var target = chemistry.read(p.targetFormula());
        if (target.isEmpty()) {
            out.add("target formula '" + p.targetFormula() + "' is not a formula");
        } else if (u.target() != null && !Compositions.sameRatios(u.target().composition(), target.get().composition())) {
            out.add("target " + p.targetFormula() + " is not the goal's target " + u.target().formula());
        }
        if (lab.furnace(p.furnace()).isEmpty()) {
            out.add("furnace '" + p.furnace() + "' does not exist in this lab; furnaces are "
                    + String.join(", ", lab.furnaces().stream().map(LabProfile.FurnaceSpec::id).toList()));
        }
        if (!lab.crucibles().contains(p.crucible())) {
            out.add("crucible '" + p.crucible() + "' is not available; crucibles are " + String.join(", ", lab.crucibles()));
        }
        if (!GASES.contains(p.atmosphere())) {
            out.add("atmosphere '" + p.atmosphere() + "' is not one of " + String.join(", ", GASES));
        }
        for (String precursor : p.precursors()) {
            boolean known = chemistry.precursor(precursor).isPresent() || chemistry.read(precursor).isPresent();
            if (!known || !lab.stocks(precursor)) {
                out.add("precursor '" + precursor + "' is not in the lab's inventory");
            }
        }
        if (u.maxTemperature() != null && p.temperatureC() > u.maxTemperature().celsius()) {
            out.add("temperature " + Units.rounded(p.temperatureC(), 4) + " °C is above the goal's limit " + u.maxTemperature());
        }
        if (u.fixedTemperature() != null && Math.abs(p.temperatureC() - u.fixedTemperature().celsius()) > 0.5) {
            out.add("the goal asks for " + u.fixedTemperature() + ", not " + Units.rounded(p.temperatureC(), 4) + " °C");
        }
        if (u.maxRamp() != null && p.rampCPerMin() > u.maxRamp().celsiusPerMinute()) {
            out.add("ramp " + Units.rounded(p.rampCPerMin(), 3) + " °C/min is above the goal's limit " + u.maxRamp());
        }
        if (u.atmosphere() != null && !u.atmosphere().gas().equals(p.atmosphere())) {
            out.add("the goal asks for " + u.atmosphere().gas() + ", not " + p.atmosphere());
        }
        if (u.crucible() != null && !u.crucible().equals(p.crucible())) {
            out.add("the goal asks for a " + u.crucible() + " crucible, not " + p.crucible());
        }
        if (u.hold() != null && Math.abs(p.holdHours() - u.hold().hours()) > 1e-6) {
            out.add("the goal asks for a hold of " + u.hold() + ", not " + Units.rounded(p.holdHours(), 3) + " h");
        }
        for (String precursor : p.precursors()) {
            chemistry.precursor(precursor).ifPresent(option -> PrecursorChooser.classesOf(option, u.excludedPrecursors())
                    .forEach(kind -> out.add("precursor " + precursor + (kind.equals(option.formula()) ? " is ruled out by the goal by name"
                            : " is " + kind + ", which the goal rules out"))));
        }
        if (p.temperatureC().isNaN() || p.temperatureC() <= 0 || p.rampCPerMin() <= 0 || p.holdHours() < 0) {
            out.add("temperature, ramp and hold must be positive numbers");
        }
        return out;
    }
}
