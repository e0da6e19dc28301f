package org.athanor.agent.planner;

import java.util.List;
import java.util.TreeMap;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.agent.planner.safety.Finding;
import org.athanor.units.Units;
import org.athanor.workflow.Step;

/** The readable form of a plan result: what was understood, the verdict, the steps, the gate's findings and notes. */
public final class PlanReport {

    private PlanReport() {
    }

    private static String angle(org.athanor.workflow.Quantity q) {
        return q == null ? "?" : "deg".equals(q.unit()) ? Units.format(q.value()) + "°" : q.toString();
    }

    public static String readable(PlanResult r) {
        StringBuilder b = new StringBuilder();
        b.append("Goal: ").append(r.goal()).append('\n');
        Understanding u = r.understood();
        if (u != null) {
            b.append("Understood:\n");
            if (u.target() != null) {
                line(b, "target", u.target().formula() + (u.target().name() != null ? " (" + u.target().name() + ")" : "") + "  from \"" + u.target().writtenAs() + "\"");
            }
            if (!u.startingMaterials().isEmpty()) {
                line(b, "starting materials", String.join(", ", u.startingMaterials().stream()
                        .map(m -> m.formula() + (u.startingMasses().containsKey(m.formula()) ? " " + u.startingMasses().get(m.formula()) : "")).toList()));
            }
            line(b, "product mass", u.productMass());
            line(b, "max temperature", u.maxTemperature());
            line(b, "set temperature", u.fixedTemperature());
            line(b, "hold", u.hold());
            line(b, "milling time", u.millTime());
            line(b, "max ramp", u.maxRamp());
            line(b, "requested ramp", u.requestedRamp());
            line(b, "cooling ramp", u.coolingRamp());
            line(b, "atmosphere", u.atmosphere() == null ? null : u.atmosphere().gas() + (u.atmosphere().h2Percent() != null ? " (" + Units.format(u.atmosphere().h2Percent()) + " % H2)" : ""));
            line(b, "furnace", u.furnaceKind());
            line(b, "crucible", u.crucible());
            line(b, "characterisation", u.characterization().isEmpty() ? null : String.join(", ", u.characterization()));
            if (u.twoThetaStart() != null || u.twoThetaEnd() != null) {
                line(b, "XRD range", "2θ " + angle(u.twoThetaStart()) + "–" + angle(u.twoThetaEnd()));
            }
            line(b, "Raman laser", u.laserWavelength() == null && u.laserPower() == null ? null
                    : String.join(", ", java.util.stream.Stream.of(u.laserWavelength(), u.laserPower()).filter(java.util.Objects::nonNull).map(String::valueOf).toList()));
            line(b, "ruled out", u.excludedPrecursors().isEmpty() ? null : String.join(", ", u.excludedPrecursors()));
            line(b, "excess", u.excess().isEmpty() ? null : String.join(", ", new TreeMap<>(u.excess()).entrySet().stream()
                    .map(e -> Units.format(e.getValue()) + " % " + e.getKey()).toList()));
            line(b, "batches", u.batches());
            if (!u.unparsed().isEmpty()) {
                line(b, "NOT understood", String.join("; ", u.unparsed()));
            }
        }
        b.append("Verdict: ").append(r.verdict().json().toUpperCase()).append(" (").append(r.planner()).append(" planner)\n");
        if (r.reason() != null) {
            b.append("Reason: ").append(r.reason()).append('\n');
        }
        if (r.workflow() != null) {
            b.append("Steps:\n");
            for (Step s : r.workflow().steps()) {
                b.append(String.format("  %-16s %-8s %-15s %s%n", s.id(), s.action().json(), s.instrument() == null ? "" : s.instrument(), StepDescription.of(s)));
            }
        }
        if (!r.violations().isEmpty()) {
            b.append("Safety gate:\n");
            for (Finding f : r.violations()) {
                b.append("  ").append(f.describe()).append('\n');
            }
        }
        List<String> notes = r.notes();
        if (!notes.isEmpty()) {
            b.append("Notes:\n");
            notes.forEach(n -> b.append("  - ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, Object value) {
        if (value != null) {
            b.append(String.format("  %-19s %s%n", label + ":", value));
        }
    }
}
