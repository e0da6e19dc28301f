package org.athanor.agent.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.athanor.materials.Composition;
import org.athanor.workflow.WorkflowJson;

/** The campaign report as a person reads it, and as JSON. */
public final class ReportPrinter {

    private static final ObjectMapper JSON = WorkflowJson.mapper();

    private ReportPrinter() {
    }

    public static String json(CampaignReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the campaign report", e);
        }
    }

    /** One line as an experiment finishes, for progress on long campaigns. */
    public static String progressLine(CampaignReport.Experiment e) {
        return String.format(Locale.ROOT, "experiment %d  %s  %-8s  target %7s%s  %s",
                e.index(), parameters(e.parameters()), e.verdict(), measured(e) ? pct(e.targetFraction()) : "n/a",
                e.recheck() == null ? "" : e.recheck().uncertain() ? " (re-checked, uncertain)" : " (re-checked)", e.decision());
    }

    /** Whether the experiment ran to an analysis; a failed, rejected or lost one has no target fraction to show. */
    private static boolean measured(CampaignReport.Experiment e) {
        return "approved".equals(e.verdict());
    }

    public static String text(CampaignReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Goal:    ").append(r.goal()).append('\n');
        out.append("Target:  ").append(r.target().formula());
        if (r.target().targetPhaseFraction() != null) {
            out.append("  (stop at ≥ ").append(pct(r.target().targetPhaseFraction())).append(" by XRD)");
        }
        out.append('\n');
        if (r.runId() != null) {
            out.append("Run:     ").append(r.runId()).append('\n');
        }
        out.append('\n');
        for (CampaignReport.Experiment e : r.experiments()) {
            out.append("Experiment ").append(e.index()).append(": ").append(parameters(e.parameters())).append('\n');
            out.append("  verdict:   ").append(e.verdict()).append('\n');
            if (e.phases() != null && !e.phases().isEmpty()) {
                out.append("  phases:    ").append(e.phases().stream()
                        .map(p -> shown(p.formula(), r.target().formula()) + " " + pct(p.weightFraction())
                                + (p.confidence() == null ? "" : String.format(Locale.ROOT, " (confidence %.2f)", p.confidence())))
                        .collect(Collectors.joining(", "))).append('\n');
            }
            out.append("  target:    ").append(measured(e) ? pct(e.targetFraction()) : "n/a (" + e.verdict() + ": nothing was measured)");
            if (e.rwp() != null) {
                out.append(String.format(Locale.ROOT, "   Rwp %.1f %%", e.rwp()));
            }
            out.append('\n');
            if (e.recheck() != null) {
                CampaignReport.Recheck check = e.recheck();
                out.append("  re-check:  ").append(check.verdict()).append(" (").append(check.workflow() == null ? "no follow-up" : check.workflow())
                        .append("); XRD said ").append(pct(check.xrdFraction())).append(", optimiser given ").append(pct(check.usedFraction()))
                        .append(check.uncertain() ? " (uncertain)" : "").append('\n');
            }
            if (e.notes() != null) {
                e.notes().forEach(n -> out.append("  note:      ").append(n).append('\n'));
            }
            if (e.decision() != null) {
                out.append("  decision:  ").append(e.decision()).append('\n');
            }
            if (e.plot() != null) {
                out.append("  XRD plot:  ").append(e.plot()).append('\n');
            }
        }
        out.append('\n');
        if (r.best() != null) {
            out.append("Best:    experiment ").append(r.best().index()).append(", target fraction ")
                    .append(pct(r.best().targetFraction())).append('\n');
        }
        out.append("Stopped: ").append(r.stopReason());
        if (r.stopExplanation() != null) {
            out.append(" — ").append(r.stopExplanation());
        }
        out.append('\n');
        if (r.labTime() != null) {
            out.append("Lab clock: ").append(r.labTime()).append(" passed on the simulated clock\n");
        }
        return out.toString();
    }

    private static String parameters(Map<String, Object> p) {
        if (p == null) {
            return "";
        }
        Object t = p.get(ExperimentDesign.TEMPERATURE);
        Object h = p.get(ExperimentDesign.HOLD);
        Object ramp = p.get(ExperimentDesign.RAMP);
        StringBuilder s = new StringBuilder();
        if (t != null) {
            s.append(t).append(" °C");
        }
        if (h != null) {
            s.append(", hold ").append(h).append(" h");
        }
        if (ramp != null) {
            s.append(", ramp ").append(ramp).append(" °C/min");
        }
        p.forEach((k, v) -> {
            if (k.equals(ExperimentDesign.EXCESS)) {
                s.append(", excess ").append(v).append(" %");
            } else if (k.startsWith(ExperimentDesign.PRECURSOR) && k.length() > ExperimentDesign.PRECURSOR.length()) {
                s.append(", ").append(k.substring(ExperimentDesign.PRECURSOR.length())).append(" from ").append(v);
            } else if (!k.equals(ExperimentDesign.TEMPERATURE) && !k.equals(ExperimentDesign.HOLD) && !k.equals(ExperimentDesign.RAMP)) {
                s.append(", ").append(k).append(' ').append(v);
            }
        });
        return s.toString();
    }

    private static String pct(double f) {
        return CampaignLoop.pct(f);
    }

    /** A library phase that is the target in the goal's own notation (a CIF's reduced formula reads FeLiO4P for LiFePO4). */
    /** A phase's formula as the report writes it: the target's as the plan writes it (ZnAl2O4, not Al2ZnO4). */
    public static String shown(String phaseFormula, String targetFormula) {
        try {
            return TargetFraction.isTarget(phaseFormula, Composition.parse(targetFormula)) ? targetFormula : phaseFormula;
        } catch (RuntimeException unreadable) {
            return phaseFormula;
        }
    }
}
