package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athanor.agent.campaign.CampaignReport.StopReason;

/**
 * The closed loop: propose parameters, run an experiment, read the target fraction, decide whether to go on.
 * It knows nothing of instruments or optimisers; {@link Proposer} and {@link Experimenter} bring those in.
 */
public final class CampaignLoop {

    /** One finished experiment as the loop sees it. */
    public record Observation(int index, Map<String, Object> parameters, double targetFraction, boolean usable) {
    }

    /** Chooses the next experiment from what has been seen. */
    public interface Proposer {
        Map<String, Object> next(List<Observation> history);

        /** A sentence on why these parameters (for the report). */
        default String explain(Map<String, Object> parameters, List<Observation> history) {
            return "proposed " + parameters;
        }
    }

    /** Runs one experiment end to end (plan, vet, dispatch, measure, analyse). */
    public interface Experimenter {
        CampaignReport.Experiment run(int index, Map<String, Object> parameters) throws CampaignAbortedException;
    }

    /** Receives each experiment as it finishes, for progress output. */
    public interface Progress {
        Progress NONE = e -> { };

        void experimentFinished(CampaignReport.Experiment experiment);
    }

    public record Outcome(List<CampaignReport.Experiment> experiments, Optional<CampaignReport.Best> best,
                          StopReason stopReason, String explanation) {
    }

    private final StopRules rules;

    public CampaignLoop(StopRules rules) {
        this.rules = rules;
    }

    public Outcome run(Proposer proposer, Experimenter experimenter, Progress progress) {
        return run(proposer, experimenter, progress, List.of());
    }

    /** Continues a campaign that already finished {@code previous} experiments (after a restart). */
    public Outcome run(Proposer proposer, Experimenter experimenter, Progress progress, List<CampaignReport.Experiment> previous) {
        List<Observation> history = new ArrayList<>();
        List<CampaignReport.Experiment> done = new ArrayList<>();
        CampaignReport.Best best = null;
        int lastImprovement = 0;
        for (CampaignReport.Experiment e : previous) {
            boolean usable = "approved".equals(e.verdict());
            double previousBest = best == null ? 0 : best.targetFraction();
            if (usable && (best == null || e.targetFraction() > best.targetFraction())) {
                if (best == null || e.targetFraction() - previousBest >= rules.minImprovement()) {
                    lastImprovement = e.index();
                }
                best = new CampaignReport.Best(e.index(), e.targetFraction());
            }
            done.add(e);
            history.add(new Observation(e.index(), e.parameters(), e.targetFraction(), usable));
        }
        if (best != null && best.targetFraction() >= rules.targetFraction()) {
            return new Outcome(done, Optional.of(best), StopReason.TARGET_REACHED,
                    "experiment " + best.index() + " had already reached target fraction " + pct(best.targetFraction()));
        }
        for (int index = done.size() + 1; ; index++) {
            if (index > rules.budget()) {
                return new Outcome(done, Optional.ofNullable(best), StopReason.BUDGET_EXHAUSTED,
                        "spent the budget of " + rules.budget() + " experiments; best target fraction " + fraction(best));
            }
            Map<String, Object> parameters = proposer.next(List.copyOf(history));
            String why = proposer.explain(parameters, history);
            CampaignReport.Experiment e;
            try {
                e = experimenter.run(index, parameters);
            } catch (CampaignAbortedException aborted) {
                return new Outcome(done, Optional.ofNullable(best), StopReason.ABORTED, aborted.getMessage());
            }
            boolean usable = "approved".equals(e.verdict());
            double previousBest = best == null ? 0 : best.targetFraction();
            if (usable && (best == null || e.targetFraction() > best.targetFraction())) {
                if (e.targetFraction() - previousBest >= rules.minImprovement() || best == null) {
                    lastImprovement = index;
                }
                best = new CampaignReport.Best(index, e.targetFraction());
            }
            String decision = decide(e, best, index, lastImprovement, why);
            e = withDecision(e, decision);
            done.add(e);
            history.add(new Observation(index, parameters, e.targetFraction(), usable));
            progress.experimentFinished(e);

            if (best != null && best.targetFraction() >= rules.targetFraction()) {
                return new Outcome(done, Optional.of(best), StopReason.TARGET_REACHED,
                        "experiment " + best.index() + " reached target fraction " + pct(best.targetFraction())
                                + " (goal ≥ " + pct(rules.targetFraction()) + ")");
            }
            if (index - lastImprovement >= rules.patience() && index < rules.budget()) {
                return new Outcome(done, Optional.ofNullable(best), StopReason.NO_IMPROVEMENT,
                        "no gain of " + pct(rules.minImprovement()) + " or more in the last " + rules.patience()
                                + " experiments; best target fraction " + fraction(best));
            }
        }
    }

    private String decide(CampaignReport.Experiment e, CampaignReport.Best best, int index, int lastImprovement, String why) {
        if (best != null && best.targetFraction() >= rules.targetFraction()) {
            return "stop: target reached";
        }
        if (index >= rules.budget()) {
            return "stop: budget spent";
        }
        if (index - lastImprovement >= rules.patience()) {
            return "stop: no improvement";
        }
        if (!"approved".equals(e.verdict())) {
            return "continue: experiment not usable (" + e.verdict() + "), propose again";
        }
        return "continue: best so far " + fraction(best) + " < goal " + pct(rules.targetFraction());
    }

    private static CampaignReport.Experiment withDecision(CampaignReport.Experiment e, String decision) {
        return e.withDecision(decision);
    }

    private static String fraction(CampaignReport.Best best) {
        return best == null ? "none" : pct(best.targetFraction()) + " (experiment " + best.index() + ")";
    }

    static String pct(double f) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * f);
    }
}
