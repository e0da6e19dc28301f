package org.athanor.agent.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athanor.agent.lab.LabSession;
import org.athanor.clock.LabClock;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EventListener;
import org.athanor.engine.RunHandle;
import org.athanor.engine.RunOutcome;
import org.athanor.engine.RunRequest;
import org.athanor.engine.StepResult;
import org.athanor.materials.Composition;
import org.athanor.safety.Verdict;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * Runs experiments on a lab session: each planned workflow, with its experiment's parameters and its furnace, is vetted
 * by the gate (a rejected one never runs), executed by the engine on the instruments, and its XRD pattern analysed.
 * The experiments of a batch are submitted together, one per furnace, and heat side by side; the engine shares the
 * other instruments among them. A fault that pauses the run ends only the experiment it struck, with the reason;
 * its siblings and the campaign go on.
 */
final class LabExperimenter implements CampaignLoop.Experimenter {

    /** Wall-time bound per experiment of a batch: generous, a dry run of a 12 h program takes seconds. */
    private static final long EXPERIMENT_TIMEOUT_MINUTES = 10;

    private final LabSession lab;
    private final Workflow plan;
    private final ExperimentDesign design;
    private final String runId;
    private final Composition target;
    private final Path plotDirectory;
    private final ParallelFurnaces furnaces;
    private final OperatorWatch.State operator;

    LabExperimenter(LabSession lab, Workflow plan, ExperimentDesign design, String runId, Composition target, Path plotDirectory) {
        this(lab, plan, design, runId, target, plotDirectory, ParallelFurnaces.only(plannedFurnace(plan)));
    }

    LabExperimenter(LabSession lab, Workflow plan, ExperimentDesign design, String runId, Composition target, Path plotDirectory,
                    ParallelFurnaces furnaces) {
        this(lab, plan, design, runId, target, plotDirectory, furnaces, OperatorWatch.State.NONE);
    }

    LabExperimenter(LabSession lab, Workflow plan, ExperimentDesign design, String runId, Composition target, Path plotDirectory,
                    ParallelFurnaces furnaces, OperatorWatch.State operator) {
        this.operator = operator;
        this.lab = lab;
        this.plan = plan;
        this.design = design;
        this.runId = runId;
        this.target = target;
        this.plotDirectory = plotDirectory;
        this.furnaces = furnaces;
    }

    static String plannedFurnace(Workflow plan) {
        return plan.stepsOf(Action.HEAT).stream().findFirst().map(Step::instrument)
                .orElseThrow(() -> new IllegalArgumentException("the plan has no heat step"));
    }

    @Override
    public CampaignReport.Experiment run(int index, Map<String, Object> parameters) throws CampaignAbortedException {
        return run(List.of(new CampaignLoop.Planned(index, parameters))).get(0);
    }

    /** One experiment of the batch on its way: its workflow, notes so far and, once submitted, the engine's handle. */
    private static final class Underway {
        final CampaignLoop.Planned planned;
        final Workflow workflow;
        final List<String> notes = new ArrayList<>();
        CampaignReport.Experiment result;
        RunHandle handle;

        Underway(CampaignLoop.Planned planned, Workflow workflow) {
            this.planned = planned;
            this.workflow = workflow;
        }
    }

    @Override
    public List<CampaignReport.Experiment> run(List<CampaignLoop.Planned> batch) throws CampaignAbortedException {
        List<Underway> all = new ArrayList<>();
        FaultWatch watch = new FaultWatch();
        // Planning, vetting and submitting the batch are the agent's computation: lab time stands still meanwhile.
        LabClock.Section preparing = lab.clock().computing();
        try {
            List<Workflow> designed = batch.stream().map(p -> design.apply(plan, runId, p.index(), p.parameters())).toList();
            List<String> heatsIn = furnaces.forBatch(designed.stream().map(LabExperimenter::plannedFurnace).toList());
            for (CampaignLoop.Planned p : batch) {
                int i = all.size();
                String furnace = heatsIn.get(i);
                boolean moved = !plannedFurnace(designed.get(i)).equals(furnaces.planned()); // by its gas
                Underway u = new Underway(p, moved ? designed.get(i) : furnaces.assign(designed.get(i), furnace));
                if (furnaces.size() > 1 || moved) {
                    u.notes.add("heated in " + furnace);
                }
                all.add(u);
                vet(u);
            }
            lab.engine().addListener(watch);
            if (operator.abortRequested().isPresent()) {
                throw new CampaignAbortedException(operator.abortRequested().get() + "; experiments " + indices(batch) + " were not started");
            }
            for (Underway u : all) {
                if (u.result == null) {
                    u.handle = lab.engine().submit(new RunRequest(runId, "e" + u.planned.index(), u.workflow, lab.dryRun()));
                    // After the run's start in the journal (the engine journals in order), so a replay never meets
                    // an experiment that has parameters but no workflow.
                    CampaignJournal.proposed(lab.engine(), runId, u.planned.index(), u.planned.parameters());
                }
            }
            // An abort that arrived while the batch was being submitted reaches these experiments too.
            operator.abortReason().ifPresent(why -> lab.engine().abort(runId, why));
            preparing.close(); // from here on the campaign waits for the lab

            // Bounded as if the batch ran one experiment after another (it may, when it outnumbers the furnaces); time
            // an operator holds the run paused does not count.
            var deadline = operator.deadline(all.size() * TimeUnit.MINUTES.toNanos(EXPERIMENT_TIMEOUT_MINUTES));
            for (Underway u : all) {
                if (u.handle != null) {
                    RunOutcome outcome = deadline.await(u.handle.outcome());
                    u.result = outcome.status() == RunOutcome.Status.ABORTED ? failed(u, outcome)
                            : analysed(u.planned.index(), u.planned.parameters(), u.workflow, outcome, u.notes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lab.engine().abort(runId, "interrupted");
            throw new CampaignAbortedException("interrupted while experiments " + indices(batch) + " were running", e);
        } catch (TimeoutException e) {
            lab.engine().abort(runId, "experiments " + indices(batch) + " took longer than " + all.size() * EXPERIMENT_TIMEOUT_MINUTES + " min of wall time");
            throw new CampaignAbortedException("experiments " + indices(batch) + " did not finish within " + batch.size() * EXPERIMENT_TIMEOUT_MINUTES + " min of wall time");
        } catch (ExecutionException e) {
            lab.engine().abort(runId, "an experiment of the batch failed: " + e.getCause().getMessage());
            throw new CampaignAbortedException("experiments " + indices(batch) + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            preparing.close();
            lab.engine().removeListener(watch);
        }
        return all.stream().map(u -> u.result).toList();
    }

    /** The gate's verdict on the experiment's workflow; a rejected one gets its result now and never runs. */
    private void vet(Underway u) {
        Verdict verdict = lab.gate().vet(u.workflow, lab.labState());
        verdict.warnings().forEach(v -> u.notes.add("warning " + v.rule() + ": " + v.message()));
        if (!verdict.approved()) {
            verdict.errors().forEach(v -> u.notes.add(v.rule() + " (" + v.step() + "): " + v.message()));
            u.result = new CampaignReport.Experiment(u.planned.index(), u.planned.parameters(), "rejected", List.of(), 0, null, null, null, u.notes);
            return;
        }
        lab.approvals().putAll(u.workflow.id(), verdict.approvalTokens());
    }

    private CampaignReport.Experiment failed(Underway u, RunOutcome outcome) {
        u.notes.add("aborted: " + outcome.reason());
        outcome.markedSamples().forEach((sample, why) -> u.notes.add("sample " + sample + " marked: " + why));
        lab.measurements().forget(u.workflow.id());
        lab.approvals().forget(u.workflow.id());
        return new CampaignReport.Experiment(u.planned.index(), u.planned.parameters(), "failed", List.of(), 0, null, null, null, u.notes);
    }

    private static String indices(List<CampaignLoop.Planned> batch) {
        return batch.stream().map(p -> String.valueOf(p.index())).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The analysis that stands for the experiment: of a plan split into batches (one crucible each), the batch with the
     * least target, since every batch of the product must reach the goal; a note gives each batch's fraction. Null
     * when no analysis has a result.
     */
    static Step weakestBatch(List<Step> analyses, Map<String, StepResult> results, Composition target, List<String> notes) {
        List<Step> done = analyses.stream().filter(s -> results.get(s.id()) != null).toList();
        if (done.size() < 2) {
            return done.isEmpty() ? null : done.get(0);
        }
        Step weakest = null;
        double least = Double.POSITIVE_INFINITY;
        List<String> each = new ArrayList<>();
        for (Step s : done) {
            double f = TargetFraction.of(PhaseEvidence.phasesOf(results.get(s.id()).outputs()), target);
            each.add(s.sample() + " " + CampaignLoop.pct(f));
            if (f < least) {
                least = f;
                weakest = s;
            }
        }
        notes.add(done.size() + " batches, target by XRD: " + String.join(", ", each) + "; the experiment is judged by its weakest, "
                + weakest.sample() + " (every batch of the product must reach the goal)");
        return weakest;
    }

    /** An analyze step's notes, as the report shows them. */
    static List<String> analysisNotes(Map<String, Object> outputs) {
        List<String> out = new ArrayList<>();
        if (outputs.get("ramanPhases") instanceof List<?> raman && !raman.isEmpty()) {
            out.add("analysis: Raman matches " + raman.stream().filter(Map.class::isInstance).map(o -> (Map<?, ?>) o)
                    .map(m -> m.get("formula") + (m.get("score") instanceof Number n ? String.format(java.util.Locale.ROOT, " (score %.2f)", n.doubleValue()) : ""))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        if (outputs.get("notes") instanceof List<?> l) {
            l.forEach(n -> out.add("analysis: " + n));
        }
        return out;
    }

    private CampaignReport.Experiment analysed(int index, Map<String, Object> parameters, Workflow w, RunOutcome outcome,
                                               List<String> notes) throws CampaignAbortedException {
        LabClock.Section reading = lab.clock().computing(); // reading the result and plotting take no lab time
        try {
            return analysed(index, parameters, w, outcome, notes, reading);
        } finally {
            reading.close();
        }
    }

    /** {@code reading}: the open computing section, closed before the campaign waits for a re-check on the lab. */
    private CampaignReport.Experiment analysed(int index, Map<String, Object> parameters, Workflow w, RunOutcome outcome,
                                               List<String> notes, LabClock.Section reading) throws CampaignAbortedException {
        // The lab now holds this experiment's samples: a follow-up may measure them again.
        CharacterisationCheck.locationsAfter(w).forEach(lab::holdSample);
        Step analyze = weakestBatch(w.stepsOf(Action.ANALYZE), outcome.results(), target, notes);
        StepResult result = analyze == null ? null : outcome.results().get(analyze.id());
        if (result == null) {
            notes.add("the workflow has no analysis result");
            return new CampaignReport.Experiment(index, parameters, "approved", List.of(), 0, null, null, null, notes);
        }
        List<CampaignReport.Phase> phases = PhaseEvidence.phasesOf(result.outputs());
        notes.addAll(analysisNotes(result.outputs()));
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
        reading.close(); // a re-check runs on the lab; it marks its own computation
        // A weak identification is checked again (longer XRD scan, Raman) before the optimiser sees the fraction.
        var recheck = new CharacterisationCheck(lab, runId, target, operator)
                .afterAnalysis("e" + index, w, sample, PhaseEvidence.fromAnalysis(result.outputs())).orElse(null);
        double fraction = TargetFraction.of(phases, target);
        if (recheck != null) {
            notes.add("re-check (" + recheck.reason() + "): " + recheck.finding());
            fraction = recheck.usedFraction();
        }
        return new CampaignReport.Experiment(index, parameters, "approved", phases, fraction, rwp, null, plot,
                notes.isEmpty() ? null : notes, recheck);
    }

    /**
     * Answers the engine's pauses of the run while a batch is under way (called on the engine's thread; the engine's
     * methods only queue work). A pause caused by an experiment's fault ends the faulted experiments and lets their
     * siblings go on; an operator's pause holds the batch until the operator resumes it; any other pause no experiment
     * caused (the journal failing) ends the whole batch, as nobody is there to resume it.
     */
    private final class FaultWatch implements EventListener {
        @Override
        public void on(EngineEvent e) {
            if (e.type() != EngineEvent.Type.RUN_PAUSED || !runId.equals(e.runId())) {
                return;
            }
            if (e.text("experiment") != null) {
                lab.engine().abortFaultedExperiments(runId);
            } else if (!OperatorWatch.isOperatorPause(e.text("reason"))) {
                lab.engine().abort(runId, "paused by a fault: " + e.text("reason"));
                lab.engine().resume(runId);
            }
        }
    }
}
