package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athanor.agent.campaign.CampaignReport.StopReason;

/**
 * The closed loop: propose parameters, run experiments, read the target fractions, decide whether to go on.
 * Experiments run in batches of up to {@code batchSize} side by side (one per furnace that can take the plan's heat
 * step); each batch is read and decided in index order, and the stop rules are applied once the whole batch is in.
 * It knows nothing of instruments or optimisers; {@link Proposer} and {@link Experimenter} bring those in.
 */
public final class CampaignLoop {

    /** One finished experiment as the loop sees it. */
    public record Observation(int index, Map<String, Object> parameters, double targetFraction, boolean usable) {
    }

    /** One experiment of a batch, before it runs. */
    public record Planned(int index, Map<String, Object> parameters) {
    }

    /** Chooses the next experiments from what has been seen. */
    public interface Proposer {
        Map<String, Object> next(List<Observation> history);

        /**
         * Up to {@code count} experiments to run side by side, chosen from the same history. A proposer that knows
         * nothing of batches proposes each one as it would alone.
         */
        default List<Map<String, Object>> next(List<Observation> history, int count) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(next(history));
            }
            return out;
        }

        /**
         * Why these parameters, in words, for the report ("the planner's recipe ..."); {@code history} is what was
         * seen when they were proposed. Null when there is nothing to say beyond the parameters.
         */
        default String explain(Map<String, Object> parameters, List<Observation> history) {
            return null;
        }
    }

    /** Runs experiments end to end (plan, vet, dispatch, measure, analyse). */
    public interface Experimenter {
        CampaignReport.Experiment run(int index, Map<String, Object> parameters) throws CampaignAbortedException;

        /**
         * Runs a batch and returns its experiments in the order given. A failed experiment is reported as such and
         * does not stop its siblings; only an abort of the whole campaign throws. By default one after another.
         */
        default List<CampaignReport.Experiment> run(List<Planned> batch) throws CampaignAbortedException {
            List<CampaignReport.Experiment> out = new ArrayList<>();
            for (Planned p : batch) {
                out.add(run(p.index(), p.parameters()));
            }
            return out;
        }
    }

    /** Receives each experiment as it is decided, for progress output. */
    public interface Progress {
        Progress NONE = e -> { };

        void experimentFinished(CampaignReport.Experiment experiment);
    }

    public record Outcome(List<CampaignReport.Experiment> experiments, Optional<CampaignReport.Best> best,
                          StopReason stopReason, String explanation) {
    }

    private final StopRules rules;
    private final int batchSize;
    private java.util.function.Supplier<Optional<String>> stopRequested = Optional::empty;

    public CampaignLoop(StopRules rules) {
        this(rules, 1);
    }

    public CampaignLoop(StopRules rules, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1 experiment, was " + batchSize);
        }
        this.rules = rules;
        this.batchSize = batchSize;
    }

    /**
     * An operator's stop (an abort): checked before each batch and after reading one; the batch read is kept, each of
     * its experiments decided "stop: " with the operator's words, and the campaign ends as aborted.
     */
    public CampaignLoop stopWhen(java.util.function.Supplier<Optional<String>> requested) {
        this.stopRequested = requested;
        return this;
    }

    public Outcome run(Proposer proposer, Experimenter experimenter, Progress progress) {
        return run(proposer, experimenter, progress, List.of());
    }

    /** Continues a campaign that already finished {@code previous} experiments (after a restart). */
    public Outcome run(Proposer proposer, Experimenter experimenter, Progress progress, List<CampaignReport.Experiment> previous) {
        State state = new State();
        for (CampaignReport.Experiment e : previous) {
            state.read(e);
            state.done.add(e);
        }
        CampaignReport.Best best = state.best;
        // An operator's stop before anything runs (an interrupted run taken up to be aborted) ends it as asked.
        Optional<String> stopAtOnce = stopRequested.get();
        if (stopAtOnce.isPresent()) {
            return new Outcome(state.done, Optional.ofNullable(best), StopReason.ABORTED, stopAtOnce.get());
        }
        if (best != null && best.targetFraction() >= rules.targetFraction()) {
            return new Outcome(state.done, Optional.of(best), StopReason.TARGET_REACHED,
                    "experiment " + best.index() + " had already reached target fraction " + pct(best.targetFraction()));
        }
        // After a restart an index may be missing (an experiment the gate refused, not yet journaled): never reuse one.
        int next = state.done.stream().mapToInt(CampaignReport.Experiment::index).max().orElse(0) + 1;
        while (true) {
            Optional<String> stop = stopRequested.get();
            if (stop.isPresent()) {
                return new Outcome(state.done, Optional.ofNullable(state.best), StopReason.ABORTED, stop.get());
            }
            if (next > rules.budget()) {
                return new Outcome(state.done, Optional.ofNullable(state.best), StopReason.BUDGET_EXHAUSTED,
                        "spent the budget of " + rules.budget() + (rules.budget() == 1 ? " experiment" : " experiments")
                                + "; best target fraction " + fraction(state.best));
            }
            int size = Math.min(batchSize, rules.budget() - next + 1);
            List<Map<String, Object>> proposals = proposer.next(List.copyOf(state.history), size);
            if (proposals.isEmpty()) {
                throw new IllegalStateException("the proposer proposed no experiment");
            }
            List<Planned> batch = new ArrayList<>();
            Map<Integer, String> chosen = new java.util.HashMap<>();
            for (Map<String, Object> p : proposals.subList(0, Math.min(size, proposals.size()))) {
                Planned planned = new Planned(next + batch.size(), p);
                batch.add(planned);
                String why = proposer.explain(p, List.copyOf(state.history));
                if (why != null) {
                    chosen.put(planned.index(), "chosen: " + why);
                }
            }
            List<CampaignReport.Experiment> results;
            try {
                results = experimenter.run(batch);
            } catch (CampaignAbortedException aborted) {
                return new Outcome(state.done, Optional.ofNullable(state.best), StopReason.ABORTED, aborted.getMessage());
            }
            stop = stopRequested.get();
            for (int i = 0; i < results.size(); i++) {
                CampaignReport.Experiment e = results.get(i);
                if (chosen.containsKey(e.index())) {
                    e = e.withFirstNote(chosen.get(e.index()));
                }
                state.read(e);
                e = withDecision(e, stop.isPresent() ? "stop: " + stop.get() : decide(e, state, i == results.size() - 1));
                state.done.add(e);
                progress.experimentFinished(e);
            }
            if (stop.isPresent()) {
                return new Outcome(state.done, Optional.ofNullable(state.best), StopReason.ABORTED, stop.get());
            }
            int last = batch.get(batch.size() - 1).index();
            next = last + 1;
            if (state.best != null && state.best.targetFraction() >= rules.targetFraction()) {
                return new Outcome(state.done, Optional.of(state.best), StopReason.TARGET_REACHED,
                        "experiment " + state.best.index() + " reached target fraction " + pct(state.best.targetFraction())
                                + " (goal ≥ " + pct(rules.targetFraction()) + ")");
            }
            if (last - state.lastImprovement >= rules.patience() && last < rules.budget()) {
                return new Outcome(state.done, Optional.ofNullable(state.best), StopReason.NO_IMPROVEMENT,
                        "no gain of " + pct(rules.minImprovement()) + " or more in the last " + rules.patience()
                                + " experiments; best target fraction " + fraction(state.best));
            }
        }
    }

    /** What the loop has learnt so far: the best usable result, when it last improved, what was seen. */
    private final class State {
        final List<Observation> history = new ArrayList<>();
        final List<CampaignReport.Experiment> done = new ArrayList<>();
        CampaignReport.Best best;
        int lastImprovement;

        void read(CampaignReport.Experiment e) {
            boolean usable = "approved".equals(e.verdict());
            double previousBest = best == null ? 0 : best.targetFraction();
            if (usable && (best == null || e.targetFraction() > best.targetFraction())) {
                if (best == null || e.targetFraction() - previousBest >= rules.minImprovement()) {
                    lastImprovement = e.index();
                }
                best = new CampaignReport.Best(e.index(), e.targetFraction());
            }
            if (!CampaignJournal.LOST.equals(e.verdict())) { // lost to a crash: it says nothing about its parameters
                history.add(new Observation(e.index(), e.parameters(), e.targetFraction(), usable));
            }
        }
    }

    /**
     * The decision after reading one experiment. Budget and plateau are judged on the whole batch, so only its last
     * experiment can stop the campaign for them; reaching the target stops it whatever comes after.
     */
    private String decide(CampaignReport.Experiment e, State s, boolean lastOfBatch) {
        int index = e.index();
        if (s.best != null && s.best.targetFraction() >= rules.targetFraction()) {
            boolean itself = "approved".equals(e.verdict()) && e.targetFraction() >= rules.targetFraction();
            return itself ? "stop: target reached" : "stop: target reached by experiment " + s.best.index();
        }
        if (lastOfBatch && index >= rules.budget()) {
            return "stop: budget spent";
        }
        if (lastOfBatch && index - s.lastImprovement >= rules.patience()) {
            return "stop: no improvement";
        }
        if (!"approved".equals(e.verdict())) {
            return "continue: experiment not usable (" + e.verdict() + "), propose again";
        }
        return "continue: best so far " + fraction(s.best) + " < goal " + pct(rules.targetFraction());
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
