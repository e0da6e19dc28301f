package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athanor.agent.lab.CharacterisationHandlers;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.materials.Composition;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;

/**
 * The result of an experiment a crash interrupted, when the journal already holds it: its analyze step completed
 * (the campaign died before recording what it read), or its XRD pattern was journaled (the analysis had not run yet;
 * it runs now on the journaled pattern). Either way the measurement is not lost and the experiment keeps its result.
 * A re-check that ran to its end before the stop is read from the journal too. One that had not cannot be had any
 * more: the sample was in the simulated lab, which stopped with the process; such a result counts as one whose
 * re-check could not run.
 */
final class JournaledResult {

    private JournaledResult() {
    }

    static Optional<CampaignReport.Experiment> of(List<EngineEvent> events, String experiment, int index,
                                                   Map<String, Object> parameters, Composition target, PhaseIdentifier identifier) {
        Optional<Workflow> workflow = events.stream()
                .filter(e -> e.type() == Type.RUN_STARTED && experiment.equals(e.experiment()) && e.text("workflow") != null)
                .findFirst().flatMap(e -> readable(e.text("workflow"), experiment));
        Optional<Step> analyze = workflow.flatMap(w -> w.stepsOf(Action.ANALYZE).stream().findFirst());
        if (analyze.isEmpty()) {
            return Optional.empty();
        }
        Step step = analyze.get();
        List<String> notes = new ArrayList<>();
        Map<String, Object> outputs = events.stream()
                .filter(e -> e.type() == Type.STEP_COMPLETED && experiment.equals(e.experiment()) && step.id().equals(e.stepId()))
                .findFirst().map(e -> {
                    notes.add("recovered after a restart: the analysis had run before the process stopped, the campaign read it from the journal");
                    return new LinkedHashMap<>(e.data());
                })
                .or(() -> journaledPattern(events, experiment, step.sample()).map(p -> {
                    notes.add("recovered after a restart: the XRD pattern was journaled before the process stopped and was analysed from the journal");
                    return new LinkedHashMap<>(CharacterisationHandlers.xrdOutputs(identifier, p));
                }))
                .orElse(null);
        if (outputs == null || !(outputs.get("phases") instanceof List<?>)) {
            return Optional.empty();
        }
        List<CampaignReport.Phase> phases = PhaseEvidence.phasesOf(outputs);
        notes.addAll(LabExperimenter.analysisNotes(outputs));
        double fraction = TargetFraction.of(phases, target);
        // A weak identification is re-checked. A re-check that finished before the stop is in the journal and counts
        // as it would have; otherwise the sample is gone, so it counts as a re-check that could not run: the lower
        // reading, or 0 for an unsupported target (RecheckDecision), as in an uninterrupted campaign.
        PhaseEvidence evidence = PhaseEvidence.fromAnalysis(outputs);
        Optional<RecheckDecision.Reason> reason = RecheckDecision.reason(evidence, target);
        Optional<CampaignReport.Recheck> finished = reason.flatMap(r -> finishedRecheck(events, experiment, r, evidence, phases, target));
        if (finished.isPresent()) {
            notes.add("re-check (" + reason.get().why() + "): " + finished.get().finding());
            notes.add("recovered after a restart: the re-check had finished before the process stopped, the campaign read it from the journal");
            Double rwp = outputs.get("rwp") instanceof Number n ? n.doubleValue() : null;
            return Optional.of(new CampaignReport.Experiment(index, parameters, "approved", phases, finished.get().usedFraction(), rwp,
                    null, null, notes, finished.get()));
        }
        if (reason.isPresent()) {
            RecheckDecision.Confirmation c = RecheckDecision.confirm(evidence, null, target);
            fraction = c.fraction();
            notes.add("re-check (" + reason.get().why() + ") not possible, the sample was lost with the simulated lab of the stopped process: "
                    + c.finding());
        }
        Double rwp = outputs.get("rwp") instanceof Number n ? n.doubleValue() : null;
        return Optional.of(new CampaignReport.Experiment(index, parameters, "approved", phases, fraction, rwp, null, null, notes));
    }

    /** The follow-up of {@code experiment} as the journal has it, when it ran to its end and its analysis completed. */
    private static Optional<CampaignReport.Recheck> finishedRecheck(List<EngineEvent> events, String experiment, RecheckDecision.Reason reason,
                                                                    PhaseEvidence first, List<CampaignReport.Phase> phases, Composition target) {
        String label = experiment + CharacterisationCheck.SUFFIX;
        boolean completed = events.stream().anyMatch(e -> e.type() == Type.RUN_FINISHED && label.equals(e.experiment())
                && "completed".equals(e.text("status")));
        Optional<Workflow> followUp = events.stream()
                .filter(e -> e.type() == Type.RUN_STARTED && label.equals(e.experiment()) && e.text("workflow") != null)
                .findFirst().flatMap(e -> readable(e.text("workflow"), label));
        Optional<Step> analyze = followUp.flatMap(w -> w.stepsOf(Action.ANALYZE).stream().findFirst());
        if (!completed || analyze.isEmpty()) {
            return Optional.empty();
        }
        return events.stream()
                .filter(e -> e.type() == Type.STEP_COMPLETED && label.equals(e.experiment()) && analyze.get().id().equals(e.stepId()))
                .findFirst()
                .map(e -> CharacterisationCheck.recheck(target, reason.why(), followUp.get().id(), "approved", first,
                        PhaseEvidence.fromAnalysis(e.data()), TargetFraction.of(phases, target), null));
    }

    /** The journaled workflow; one that no longer reads (written by another version) leaves the experiment lost. */
    private static Optional<Workflow> readable(String json, String experiment) {
        try {
            return Optional.of(WorkflowJson.read(json, "the journaled workflow of " + experiment));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<XrdPattern> journaledPattern(List<EngineEvent> events, String experiment, String sample) {
        return events.stream()
                .filter(e -> e.type() == Type.MEASUREMENT && experiment.equals(e.experiment()) && "xrd".equals(e.text("kind"))
                        && (sample == null || sample.equals(e.text("sample"))))
                .reduce((first, second) -> second) // the last scan of the sample
                .flatMap(e -> {
                    double[] x = numbers(e.data().get("twoTheta"));
                    double[] y = numbers(e.data().get("intensity"));
                    if (x == null || y == null || x.length != y.length || x.length == 0) {
                        return Optional.empty();
                    }
                    XrdPattern p = new XrdPattern(x, y, Map.of("radiation", e.text("radiation") == null ? "CuKa" : e.text("radiation"),
                            "source", "journal"));
                    // The count time per point lets the pattern's amorphous share be read again.
                    return Optional.of(e.text("countTime") == null ? p : p.withMetadata("countTime", e.text("countTime")));
                });
    }

    private static double[] numbers(Object o) {
        if (o instanceof double[] d) {
            return d;
        }
        if (o instanceof List<?> l && l.stream().allMatch(v -> v instanceof Number)) {
            return l.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        return null;
    }
}
