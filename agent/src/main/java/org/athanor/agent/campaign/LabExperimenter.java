package org.athanor.agent.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athanor.agent.lab.LabSession;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EventListener;
import org.athanor.engine.RunOutcome;
import org.athanor.engine.RunRequest;
import org.athanor.engine.StepResult;
import org.athanor.materials.Composition;
import org.athanor.safety.Verdict;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * Runs one experiment on a lab session: the planned workflow with this experiment's parameters is vetted by the gate
 * (a rejected one never runs), executed by the engine on the instruments, and its XRD pattern analysed. A fault that
 * pauses the run ends this experiment with the reason; the campaign goes on.
 */
final class LabExperimenter implements CampaignLoop.Experimenter {

    /** Wall-time bound for one experiment: generous, a dry run of a 12 h program takes seconds. */
    private static final long EXPERIMENT_TIMEOUT_MINUTES = 10;

    private final LabSession lab;
    private final Workflow plan;
    private final ExperimentDesign design;
    private final String runId;
    private final Composition target;
    private final Path plotDirectory;

    LabExperimenter(LabSession lab, Workflow plan, ExperimentDesign design, String runId, Composition target, Path plotDirectory) {
        this.lab = lab;
        this.plan = plan;
        this.design = design;
        this.runId = runId;
        this.target = target;
        this.plotDirectory = plotDirectory;
    }

    @Override
    public CampaignReport.Experiment run(int index, Map<String, Object> parameters) throws CampaignAbortedException {
        Workflow w = design.apply(plan, runId, index, parameters);
        Verdict verdict = lab.gate().vet(w, lab.labState());
        List<String> notes = new ArrayList<>();
        verdict.warnings().forEach(v -> notes.add("warning " + v.rule() + ": " + v.message()));
        if (!verdict.approved()) {
            verdict.errors().forEach(v -> notes.add(v.rule() + " (" + v.step() + "): " + v.message()));
            return new CampaignReport.Experiment(index, parameters, "rejected", List.of(), 0, null, null, null, notes);
        }
        lab.approvals().putAll(w.id(), verdict.approvalTokens());
        String experiment = "e" + index;
        PauseWatch watch = new PauseWatch(experiment);
        lab.engine().addListener(watch);
        RunOutcome outcome;
        try {
            outcome = lab.engine().submit(new RunRequest(runId, experiment, w, lab.dryRun()))
                    .outcome().get(EXPERIMENT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lab.engine().abort(runId, "interrupted");
            throw new CampaignAbortedException("interrupted while experiment " + index + " was running", e);
        } catch (TimeoutException e) {
            lab.engine().abort(runId, "experiment " + index + " took longer than " + EXPERIMENT_TIMEOUT_MINUTES + " min of wall time");
            throw new CampaignAbortedException("experiment " + index + " did not finish within " + EXPERIMENT_TIMEOUT_MINUTES + " min of wall time");
        } catch (ExecutionException e) {
            throw new CampaignAbortedException("experiment " + index + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            lab.engine().removeListener(watch);
        }
        if (outcome.status() == RunOutcome.Status.ABORTED) {
            notes.add("aborted: " + outcome.reason());
            outcome.markedSamples().forEach((sample, why) -> notes.add("sample " + sample + " marked: " + why));
            return new CampaignReport.Experiment(index, parameters, "failed", List.of(), 0, null, null, null, notes);
        }
        return analysed(index, parameters, w, outcome, notes);
    }

    private CampaignReport.Experiment analysed(int index, Map<String, Object> parameters, Workflow w, RunOutcome outcome,
                                               List<String> notes) throws CampaignAbortedException {
        // The lab now holds this experiment's samples: a follow-up may measure them again.
        CharacterisationCheck.locationsAfter(w).forEach(lab::holdSample);
        Step analyze = w.stepsOf(Action.ANALYZE).stream().findFirst().orElse(null);
        StepResult result = analyze == null ? null : outcome.results().get(analyze.id());
        if (result == null) {
            notes.add("the workflow has no analysis result");
            return new CampaignReport.Experiment(index, parameters, "approved", List.of(), 0, null, null, null, notes);
        }
        List<CampaignReport.Phase> phases = new ArrayList<>();
        Object raw = result.outputs().get("phases");
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> m = (Map<?, ?>) o;
                phases.add(new CampaignReport.Phase(String.valueOf(m.get("formula")), String.valueOf(m.get("id")),
                        ((Number) m.get("weightFraction")).doubleValue(), ((Number) m.get("confidence")).doubleValue()));
            }
        }
        Object notesOut = result.outputs().get("notes");
        if (notesOut instanceof List<?> l) {
            l.forEach(n -> notes.add("analysis: " + n));
        }
        Double rwp = result.outputs().get("rwp") instanceof Number n ? n.doubleValue() : null;
        String plot = null;
        String sample = analyze.sample();
        var pattern = lab.measurements().pattern(w.id(), sample);
        if (pattern.isPresent()) {
            Path file = plotDirectory.resolve("experiment-" + index + "-xrd.png");
            XrdPlot.write(file, pattern.get(), null, "Experiment " + index + ": " + target.reducedFormula() + " at "
                    + parameters.get(ExperimentDesign.TEMPERATURE) + " °C for " + parameters.get(ExperimentDesign.HOLD) + " h");
            plot = file.toString();
        }
        lab.measurements().forget(w.id());
        lab.approvals().forget(w.id());
        // A weak identification is checked again (longer XRD scan, Raman) before the optimiser sees the fraction.
        var recheck = new CharacterisationCheck(lab, runId, target)
                .afterAnalysis("e" + index, w, sample, PhaseEvidence.fromAnalysis(result.outputs())).orElse(null);
        double fraction = TargetFraction.of(phases, target);
        if (recheck != null) {
            notes.add("re-check (" + recheck.reason() + "): " + recheck.finding());
            fraction = recheck.usedFraction();
        }
        return new CampaignReport.Experiment(index, parameters, "approved", phases, fraction, rwp, null, plot,
                notes.isEmpty() ? null : notes, recheck);
    }

    /** A run the engine paused (a fault, an open interlock) is aborted: its experiment fails with the reason. */
    private final class PauseWatch implements EventListener {
        private final String experiment;

        PauseWatch(String experiment) {
            this.experiment = experiment;
        }

        @Override
        public void on(EngineEvent e) {
            if (e.type() == EngineEvent.Type.RUN_PAUSED && runId.equals(e.runId())
                    && (e.experiment() == null || experiment.equals(e.experiment()))) {
                String reason = e.text("reason");
                // Not on the engine's thread: abort takes the engine's locks.
                // Abort ends this experiment (samples marked); resume lifts the run's pause so the next experiment runs.
                Thread t = new Thread(() -> {
                    lab.engine().abort(runId, "paused by a fault: " + reason);
                    lab.engine().resume(runId);
                }, "abort-" + runId);
                t.setDaemon(true);
                t.start();
            }
        }
    }
}
