package org.athanor.agent.planner.safety;

import java.util.ArrayList;
import java.util.List;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * TEMPORARY stand-in for org.athanor.safety.Gate until it lands on main: furnace envelope, pure H2 and crucible
 * limits only. Replaced by {@code DroolsSafetyGate}; do not extend.
 */
public final class InterimGate implements SafetyGate {

    private final LabProfile lab;

    public InterimGate(LabProfile lab) {
        this.lab = lab;
    }

    @Override
    public GateReport vet(Workflow workflow) {
        List<Finding> out = new ArrayList<>();
        boolean oxidiser = false;
        boolean fuel = false;
        for (Step s : workflow.steps()) {
            if (s.action() == Action.DISPENSE) {
                String m = s.material().orElse("");
                oxidiser |= m.contains("NO3") || m.contains("ClO");
                fuel |= m.equals("S") || m.equals("C");
            }
            if (s.action() != Action.HEAT) {
                continue;
            }
            var furnace = lab.furnace(s.instrument());
            if (furnace.isEmpty()) {
                out.add(new Finding("unknown-instrument", "error", s.id(), "unknown furnace " + s.instrument(), "lab"));
                continue;
            }
            var atm = s.atmosphere().orElseThrow();
            if (atm.effectiveH2Percent() > 4) {
                out.add(new Finding("h2-above-4-percent", "error", s.id(), "H2 above 4 %", "LEL"));
            } else if (!furnace.get().accepts(atm.gas(), atm.effectiveH2Percent())) {
                out.add(new Finding("furnace-gas", "error", s.id(), "gas not allowed", "lab"));
            }
            for (HeatSegment seg : s.profile()) {
                if (seg.temperature().celsius() > furnace.get().maxCelsius()) {
                    out.add(new Finding("furnace-max-temperature", "error", s.id(), "too hot", "lab"));
                }
                if (seg.rampRate().celsiusPerMinute() > furnace.get().maxRampCPerMin()) {
                    out.add(new Finding("furnace-max-ramp", "error", s.id(), "ramp too fast", "lab"));
                }
            }
        }
        if (oxidiser && fuel) {
            out.add(new Finding("oxidiser-with-fuel", "error", null, "oxidiser and fuel", "EPA-600/2-80-076"));
        }
        return new GateReport(out.stream().noneMatch(Finding::isError), out);
    }
}
