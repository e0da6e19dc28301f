package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athanor.agent.lab.LabSession;
import org.athanor.clock.LabClock;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EventListener;
import org.athanor.engine.RunOutcome;
import org.athanor.engine.RunRequest;
import org.athanor.engine.StepResult;
import org.athanor.instruments.config.InstrumentKind;
import org.athanor.materials.Composition;
import org.athanor.safety.Verdict;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * Characterisation-aware experiments: when an experiment's phase identification is weak (see
 * {@link RecheckDecision#reason}), the same sample is characterised again before the optimiser uses the result: a
 * Raman spectrum, with a longer XRD scan first when better counting statistics can help, analysed together. The follow-up is a workflow like any other: the gate vets it
 * (the lab state lists the sample as held, so it may be measured without being filled again), the engine runs it and
 * journals it as experiment {@code e<n>-recheck}. {@link RecheckDecision#confirm} then picks the value used.
 */
final class CharacterisationCheck {

    /** Suffix of the follow-up's experiment label and workflow id. */
    static final String SUFFIX = "-recheck";
    /** Four times the count time halves the relative counting noise (Poisson statistics: σ/N = 1/√N). */
    static final double COUNT_TIME_FACTOR = 4;
    /** Longest count per point the simulated xrd-1 accepts (simulators' Diffractometer); far beyond any re-check's need. */
    private static final double MAX_COUNT_TIME_S = 60;
    private static final long TIMEOUT_MINUTES = 10;

    private final LabSession lab;
    private final String runId;
    private final Composition target;
    private final OperatorWatch.State operator;

    CharacterisationCheck(LabSession lab, String runId, Composition target) {
        this(lab, runId, target, OperatorWatch.State.NONE);
    }

    CharacterisationCheck(LabSession lab, String runId, Composition target, OperatorWatch.State operator) {
        this.lab = lab;
        this.runId = runId;
        this.target = target;
        this.operator = operator;
    }

    /** Where each sample of a finished workflow is left: the last transfer's destination or measuring instrument. */
    static Map<String, String> locationsAfter(Workflow w) {
        Map<String, String> at = new LinkedHashMap<>();
        for (Step s : w.steps()) {
            if (s.sample() == null) {
                continue;
            }
            if (s.action() == Action.TRANSFER) {
                s.text("to").ifPresent(to -> at.put(s.sample(), to));
            } else if (s.instrument() != null && s.action() != Action.DISPENSE) {
                at.put(s.sample(), s.instrument());
            }
        }
        return at;
    }

    /**
     * Re-checks {@code sample} of experiment {@code experiment} (run as workflow {@code w}) when {@code first} calls for
     * it; empty when the analysis can be used as it is.
     */
    Optional<CampaignReport.Recheck> afterAnalysis(String experiment, Workflow w, String sample, PhaseEvidence first)
            throws CampaignAbortedException {
        // Deciding, planning and vetting take no lab time; the section closes while the follow-up runs on the lab.
        LabClock.Section computing = lab.clock().computing();
        try {
            return afterAnalysis(experiment, w, sample, first, computing);
        } finally {
            computing.close();
        }
    }

    private Optional<CampaignReport.Recheck> afterAnalysis(String experiment, Workflow w, String sample, PhaseEvidence first,
                                                           LabClock.Section computing) throws CampaignAbortedException {
        Optional<RecheckDecision.Reason> found = RecheckDecision.reason(first, target);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String reason = found.get().why();
        double xrdFraction = TargetFraction.of(first.phases(), target);
        if (operator.abortRequested().isPresent()) {
            return Optional.of(recheck(reason, null, "not run", first, null, xrdFraction, "the run was " + operator.abortRequested().get()));
        }
        String location = lab.labState().sampleLocation(sample).orElse(locationsAfter(w).get(sample));
        Optional<Workflow> planned = followUp(w, sample, location,
                lab.config().ofKind(InstrumentKind.RAMAN).stream().map(i -> i.id()).findFirst(), found.get().rescan());
        if (planned.isEmpty()) {
            return Optional.of(recheck(reason, null, "not planned", first, null, xrdFraction,
                    "the lab cannot measure " + sample + " again (no diffractometer step or robot)"));
        }
        Workflow f = planned.get();
        Verdict verdict = lab.gate().vet(f, lab.labState());
        if (!verdict.approved()) {
            String why = verdict.errors().stream().map(v -> v.rule() + " (" + v.step() + ")").reduce((a, b) -> a + "; " + b).orElse("");
            return Optional.of(recheck(reason, f.id(), "rejected", first, null, xrdFraction, "the gate rejected the follow-up: " + why));
        }
        lab.approvals().putAll(f.id(), verdict.approvalTokens());
        String label = experiment + SUFFIX;
        try {
            computing.close();
            RunOutcome outcome = run(f, label);
            if (outcome.status() == RunOutcome.Status.ABORTED) {
                return Optional.of(recheck(reason, f.id(), "failed", first, null, xrdFraction, "the follow-up was aborted: " + outcome.reason()));
            }
            locationsAfter(f).forEach(lab::holdSample);
            Step analyze = f.stepsOf(Action.ANALYZE).get(0);
            StepResult result = outcome.results().get(analyze.id());
            PhaseEvidence second = result == null ? null : PhaseEvidence.fromAnalysis(result.outputs());
            return Optional.of(recheck(reason, f.id(), "approved", first, second, xrdFraction, null));
        } finally {
            lab.measurements().forget(f.id());
            lab.approvals().forget(f.id());
        }
    }

    private CampaignReport.Recheck recheck(String reason, String workflow, String verdict, PhaseEvidence first,
                                           PhaseEvidence second, double xrdFraction, String why) {
        return recheck(target, reason, workflow, verdict, first, second, xrdFraction, why);
    }

    /** The report's entry for a follow-up and the fraction it leads to; {@code second} is null when none was analysed. */
    static CampaignReport.Recheck recheck(Composition target, String reason, String workflow, String verdict, PhaseEvidence first,
                                          PhaseEvidence second, double xrdFraction, String why) {
        RecheckDecision.Confirmation c = RecheckDecision.confirm(first, second, target);
        String finding = why == null ? c.finding() : why + "; " + c.finding();
        boolean rescanned = second != null && second.hasXrd();
        return new CampaignReport.Recheck(reason, workflow, verdict, rescanned ? second.phases() : null,
                rescanned ? second.rwp() : null, second == null ? null : second.ramanFormulas(), finding, xrdFraction,
                c.fraction(), c.uncertain());
    }

    private RunOutcome run(Workflow f, String label) throws CampaignAbortedException {
        EventListener pauseWatch = e -> {
            // The engine names the experiment whose fault paused the run in the event's data. A paused follow-up is
            // abandoned; only it is aborted, so experiments of the same batch still running go on.
            if (e.type() == EngineEvent.Type.RUN_PAUSED && runId.equals(e.runId()) && label.equals(e.text("experiment"))) {
                lab.engine().abortFaultedExperiments(runId);
            }
        };
        lab.engine().addListener(pauseWatch);
        try {
            var outcome = lab.engine().submit(new RunRequest(runId, label, f, lab.dryRun())).outcome();
            // An abort that arrived while the follow-up was being submitted reaches it too.
            operator.abortReason().ifPresent(why -> lab.engine().abort(runId, why));
            return operator.deadline(TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES)).await(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lab.engine().abort(runId, "interrupted");
            throw new CampaignAbortedException("interrupted while re-checking " + label, e);
        } catch (TimeoutException e) {
            lab.engine().abort(runId, label + " took longer than " + TIMEOUT_MINUTES + " min of wall time");
            throw new CampaignAbortedException(label + " did not finish within " + TIMEOUT_MINUTES + " min of wall time");
        } catch (ExecutionException e) {
            throw new CampaignAbortedException(label + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            lab.engine().removeListener(pauseWatch);
        }
    }

    /**
     * The follow-up workflow: when {@code rescan} (or when the lab has no Raman spectrometer) bring the sample to the
     * diffractometer if it is elsewhere and scan it again with {@value #COUNT_TIME_FACTOR}× the count time; then move
     * it to the Raman spectrometer (when the lab has one) and take a spectrum; then analyse what was measured.
     * Instruments are those the experiment used ({@code labRaman} when it took no spectrum); Raman settings are the
     * experiment's own when it took one. Empty when the experiment scanned no XRD or moved nothing (no robot to name).
     */
    static Optional<Workflow> followUp(Workflow w, String sample, String location, Optional<String> labRaman, boolean rescan) {
        Optional<Step> xrd = w.stepsOf(Action.XRD).stream().filter(s -> sample.equals(s.sample())).findFirst();
        Optional<String> robot = w.stepsOf(Action.TRANSFER).stream().map(Step::instrument).findFirst();
        if (xrd.isEmpty() || robot.isEmpty()) {
            return Optional.empty();
        }
        Optional<Step> ramanStep = w.stepsOf(Action.RAMAN).stream().filter(s -> sample.equals(s.sample())).findFirst();
        Optional<String> raman = ramanStep.map(Step::instrument).or(() -> labRaman);
        String prefix = sample + SUFFIX;
        List<Step> steps = new ArrayList<>();
        List<String> last = List.of();
        String diffractometer = xrd.get().instrument();
        List<String> methods = new ArrayList<>();
        String at = location;
        if (rescan || raman.isEmpty()) {
            if (at != null && !at.equals(diffractometer)) {
                last = add(steps, new Step(prefix + "-to-xrd", Action.TRANSFER, robot.get(), sample, last,
                        Map.of("from", at, "to", diffractometer)));
            }
            double count = xrd.get().quantity("countTime").map(q -> q.minutes() * 60).orElse(1.0);
            Step scan = xrd.get().withParam("countTime", Map.of("value", Math.min(MAX_COUNT_TIME_S, count * COUNT_TIME_FACTOR), "unit", "s"));
            last = add(steps, new Step(prefix + "-xrd", Action.XRD, diffractometer, sample, last, scan.params()));
            methods.add("xrd");
            at = diffractometer;
        }
        if (raman.isPresent()) {
            if (at == null || !at.equals(raman.get())) {
                last = add(steps, new Step(prefix + "-to-raman", Action.TRANSFER, robot.get(), sample, last,
                        at == null ? Map.of("to", raman.get()) : Map.of("from", at, "to", raman.get())));
            }
            last = add(steps, new Step(prefix + "-raman", Action.RAMAN, raman.get(), sample, last,
                    ramanStep.map(Step::params).orElse(RAMAN_SETTINGS)));
            methods.add("raman");
        }
        add(steps, new Step(prefix + "-analyze", Action.ANALYZE, null, sample, last,
                Map.of("target", w.target().formula(), "methods", methods)));
        return Optional.of(new Workflow(w.schemaVersion(), w.id() + SUFFIX, "re-check of " + sample + ": " + w.goal(),
                w.target(), w.constraints(), steps, w.extensions()));
    }

    /**
     * Raman settings when the experiment took no spectrum: 785 nm, where fluorescence of oxides is far weaker than at
     * 532 nm; 20 mW, a fifth of the 100 mW limit at the sample (RULES.md §1); 100–1200 cm⁻¹ covers the lattice and
     * oxyanion bands of the usual oxide and carbonate phases; 30 s exposure.
     */
    private static final Map<String, Object> RAMAN_SETTINGS = Map.of(
            "laserWavelength", Map.of("value", 785.0, "unit", "nm"),
            "laserPower", Map.of("value", 20.0, "unit", "mW"),
            "rangeStart", Map.of("value", 100.0, "unit", "cm-1"),
            "rangeEnd", Map.of("value", 1200.0, "unit", "cm-1"),
            "exposure", Map.of("value", 30.0, "unit", "s"));

    private static List<String> add(List<Step> steps, Step s) {
        steps.add(s);
        return List.of(s.id());
    }
}
