package org.athanor.agent.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.athanor.agent.lab.LabSession;
import org.athanor.agent.optimize.BayesianOptimisation;
import org.athanor.agent.optimize.GridStrategy;
import org.athanor.agent.optimize.Observation;
import org.athanor.agent.optimize.Parameter;
import org.athanor.agent.optimize.RandomStrategy;
import org.athanor.agent.optimize.SearchSpace;
import org.athanor.agent.optimize.Strategies;
import org.athanor.agent.optimize.Strategy;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planner;
import org.athanor.clock.LabClock;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.Journal;
import org.athanor.engine.RunState;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.materials.Composition;
import org.athanor.simulators.world.SynthesisWorld;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * A whole closed-loop campaign: plan the goal, start (or connect to) the lab, then propose, vet, run, analyse and
 * decide until the target is reached, the budget is spent or results stop improving.
 */
public final class CampaignRunner {

    /**
     * What to run. {@code pace} is simulated seconds per wall second; null runs as fast as practical. {@code batch} is
     * how many experiments run side by side; null fills the furnaces that can take the plan's heat step.
     */
    public record Settings(String goal, long seed, StopRules rules, String strategy, Double pace, Path dataDirectory,
                           String runId, Integer batch) {
        public Settings {
            if (batch != null && batch < 1) {
                throw new IllegalArgumentException("batch must be at least 1 experiment, was " + batch);
            }
        }

        public Settings(String goal, long seed, StopRules rules, String strategy, Double pace, Path dataDirectory, String runId) {
            this(goal, seed, rules, strategy, pace, dataDirectory, runId, null);
        }
    }

    /** The goal could not be turned into an approved plan; nothing was run. */
    public static final class PlanRefusedException extends Exception {
        private final transient PlanResult plan;

        PlanRefusedException(PlanResult plan) {
            super(plan.reason() == null ? "the plan was " + plan.verdict().json() : plan.reason());
            this.plan = plan;
        }

        public PlanResult plan() {
            return plan;
        }
    }

    private final Planner planner;
    private final PhaseIdentifier identifier;
    private final Journal journal;

    public CampaignRunner(Planner planner, PhaseIdentifier identifier, Journal journal) {
        this.planner = planner;
        this.identifier = identifier;
        this.journal = journal;
    }

    public CampaignReport run(Settings s, Consumer<String> log, CampaignLoop.Progress progress) throws Exception {
        PlanResult plan = planner.plan(s.goal());
        if (!plan.approved()) {
            throw new PlanRefusedException(plan);
        }
        try (RunLock lock = RunLock.acquire(s.dataDirectory(), s.runId())) {
            return execute(s, plan.workflow(), fixedByGoal(plan), null, List.of(), null, log, progress);
        }
    }

    /**
     * Continues an interrupted campaign from its journal: the settings and plan it started with, the experiments it
     * finished (with their analyses). An experiment that was under way when the process died is not run again: its
     * sample was in the simulated lab, which died with the process, so the experiment is settled in the journal
     * ({@link InterruptedExperiments}: in-flight commands reconciled, sample marked, aborted), recorded as lost, and the
     * campaign goes on with new experiments. The caller holds the run's {@link RunLock} and read {@code events} after
     * taking it.
     *
     * <p>{@code asked} is the operator's request that takes the run up, journaled with who asked and why. An abort
     * settles the interrupted experiments in the operator's words and stops the campaign at once as aborted: nothing
     * new is proposed or dispatched.
     */
    public CampaignReport resume(String runId, Path dataDirectory, List<EngineEvent> events, OperatorControl.Request asked,
                                 Consumer<String> log, CampaignLoop.Progress progress) throws Exception {
        CampaignJournal.Saved saved = CampaignJournal.read(runId, events);
        Settings s = new Settings(saved.goal(), saved.seed(), saved.rules(), saved.strategy(), saved.pace(), dataDirectory, runId, saved.batch());
        Optional<String> abort = asked.action() == OperatorControl.Action.ABORT
                ? Optional.of(OperatorWatch.describe("by the operator", asked)) : Optional.empty();
        // An interrupted experiment whose pattern or analysis is in the journal keeps its result; the others are lost.
        Composition target = Composition.parse(saved.plan().target().formula());
        List<CampaignReport.Experiment> finished = new ArrayList<>();
        List<CampaignReport.Experiment> settled = new ArrayList<>();
        for (CampaignReport.Experiment e : saved.finished()) {
            String label = "e" + e.index();
            if (saved.interrupted().contains(label)) {
                e = JournaledResult.of(events, label, e.index(), e.parameters(), target, identifier)
                        .map(r -> r.withDecision("continue: result read from the journal after a restart")).orElse(e);
                if (abort.isPresent()) {
                    e = e.withDecision("stop: aborted " + abort.get());
                }
                settled.add(e);
            }
            finished.add(e);
        }
        long recovered = settled.stream().filter(e -> !CampaignJournal.LOST.equals(e.verdict())).count();
        log.accept((abort.isPresent() ? "aborting " + runId + " " + abort.get() + "; it was interrupted: "
                : "resuming " + runId + ": ") + (saved.finished().size() - saved.interrupted().size()) + " experiment(s) finished"
                + (saved.interrupted().isEmpty() ? "" : "; " + saved.interrupted().size() + " interrupted"
                + (recovered > 0 ? " (" + recovered + " measured before the stop, result taken from the journal)" : "")
                + (settled.size() > recovered ? " (" + (settled.size() - recovered)
                + " lost with the simulated lab's samples" + (abort.isPresent() ? ")"
                : "; they count against the budget, the campaign goes on with new ones)") : "")));
        Recovery recovery = new Recovery(RunState.replay(runId, events), settled, events.get(0).time(), events.get(events.size() - 1).time(),
                asked, abort);
        return execute(s, saved.plan(), DesignBounds.Fixed.only(saved.temperatureFixed(), saved.holdFixed()), saved.design(),
                finished, recovery, log, progress);
    }

    /**
     * What a resumed campaign takes over from its journal: the engine's state, the interrupted experiments as settled
     * (lost, or with the result the journal held), its first and last lab times; and the operator's request that took
     * it up, with the abort as the engine is given it when that request is an abort.
     */
    private record Recovery(RunState state, List<CampaignReport.Experiment> settled, Instant firstLabTime, Instant lastLabTime,
                            OperatorControl.Request asked, Optional<String> abort) {
    }

    /** {@code savedDesign}: the search box a resumed campaign started with (null: build it from the plan, the lab and the gate). */
    private CampaignReport execute(Settings s, Workflow workflow, DesignBounds.Fixed fixed, ExperimentDesign savedDesign,
                                   List<CampaignReport.Experiment> previous, Recovery recovery, Consumer<String> log,
                                   CampaignLoop.Progress progress) throws Exception {
        Composition target = Composition.parse(workflow.target().formula());
        log.accept("plan approved: " + workflow.target().formula() + " via " + precursors(workflow) + "; " + workflow.steps().size() + " steps");
        Path runDir = Files.createDirectories(s.dataDirectory().resolve("runs").resolve(s.runId()));
        double pace = s.pace() == null ? org.athanor.clock.ScaledClock.AS_FAST_AS_PRACTICAL : s.pace();
        Instant clockStart = recovery == null ? LabSession.Options.DEFAULT_LAB_START : recovery.lastLabTime();
        try (LabSession lab = LabSession.simulated(new LabSession.Options(s.seed(), pace, s.dataDirectory(), identifier, journal, log, clockStart))) {
            unstocked(workflow, lab.simulatedStock()).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
            List<String> notes = recovery == null ? unmodelled(workflow).stream().toList() : List.of();
            notes.forEach(note -> log.accept("note: " + note));
            Step heat = workflow.stepsOf(Action.HEAT).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("the plan has no heat step"));
            // A resumed campaign searches the box it started with (the journal keeps it).
            ExperimentDesign design = savedDesign != null ? savedDesign : DesignBounds.of(workflow,
                    org.athanor.agent.planner.recipe.LabProfile.of(lab.labState()), fixed,
                    w -> lab.gate().vet(w, lab.labState()).approved());
            // Equivalent furnaces share the planned one's limits, so the search box suits whichever an experiment gets;
            // an experiment the design moves to another furnace (an inert gas: the tube furnace) stays there.
            ParallelFurnaces furnaces = ParallelFurnaces.of(lab.config(), heat.instrument());
            int batch = s.batch() != null ? s.batch() : furnaces.size();
            if (batch == 1) {
                furnaces = ParallelFurnaces.only(heat.instrument());
            }
            // A resumed campaign must not replay the random stream its first process already used.
            Strategy strategy = strategy(s.strategy(), space(design), s.seed() + previous.size(), design.startingPoint(workflow));
            log.accept("search space: " + describe(design) + "; strategy " + strategy.name() + "; " + ParallelFurnaces.describe(batch, furnaces));
            CampaignJournal record = new CampaignJournal(lab.engine(), s.runId());
            if (recovery == null) {
                record.started(s, workflow, fixed.temperature(), fixed.hold(), design, notes);
            } else {
                if (recovery.abort().isEmpty()) {
                    record.resumed(recovery.asked());
                }
                InterruptedExperiments.settle(lab.engine(), recovery.state(), lab.reconciler(), lab.dryRun(),
                        recovery.abort().orElse("its sample was lost with the simulated lab of the stopped process"), recovery.abort().isPresent());
                recovery.settled().forEach(record::finished); // the journal itself now says what became of them
            }
            // An abort the run was taken up for stops it before anything new is proposed.
            Optional<String> abortAsked = recovery == null ? Optional.empty() : recovery.abort().map(a -> "aborted " + a);
            Instant labStart = recovery == null ? lab.clock().now() : recovery.firstLabTime(); // the whole campaign's lab time
            // From here on an operator may pause, resume or abort the run from another process (athanor pause|resume|abort).
            CampaignLoop.Outcome outcome;
            try (OperatorWatch operator = OperatorWatch.start(s.dataDirectory(), s.runId(), lab.engine(), log)) {
                var experimenter = new LabExperimenter(lab, workflow, design, s.runId(), target, runDir, furnaces, operator.state());
                // Journaling, reporting and proposing are the agent's computation: lab time stands still meanwhile.
                CampaignLoop.Progress journaled = e -> {
                    try (LabClock.Section computing = lab.clock().computing()) {
                        record.finished(e);
                        progress.experimentFinished(e);
                    }
                };
                var proposer = new ComputingProposer(new StrategyProposer(strategy, design, workflow), lab.clock());
                outcome = new CampaignLoop(s.rules(), batch).stopWhen(() -> abortAsked.or(operator.state()::abortRequested))
                        .run(proposer, experimenter, journaled, previous);
            }
            try (LabClock.Section computing = lab.clock().computing()) {
                record.stopped(outcome.stopReason().json(), outcome.explanation());
            }
            Duration labTime = Duration.between(labStart, lab.clock().now());
            return new CampaignReport(s.runId(), s.goal(),
                    new CampaignReport.TargetInfo(workflow.target().formula(), s.rules().targetFraction()),
                    outcome.experiments(), outcome.best().orElse(null), outcome.stopReason().json(), outcome.explanation(),
                    String.format(java.util.Locale.ROOT, "%.1f h", labTime.toMinutes() / 60.0));
        }
    }

    /**
     * Why the simulated lab cannot run the plan, when it cannot: a precursor it does not stock would fail every
     * experiment at its first dispense and spend the whole budget.
     */
    static java.util.Optional<String> unstocked(Workflow plan, java.util.Set<String> stock) {
        List<String> missing = plan.stepsOf(Action.DISPENSE).stream().map(d -> d.material().orElse("?"))
                .filter(m -> !stock.contains(m)).distinct().toList();
        if (missing.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the simulated lab does not stock " + String.join(", ", missing) + ", which the plan for "
                + plan.target().formula() + " needs, so a dry run cannot make it (it stocks " + String.join(", ", new java.util.TreeSet<>(stock))
                + "; the lab's configuration lists more, for a real lab)");
    }

    /**
     * Why a dry run cannot reach the plan's target whatever it tries, when the simulated world has no chemistry that
     * turns the plan's precursors into it: the run still exercises the plan, the gate, the instruments and the loop.
     */
    static java.util.Optional<String> unmodelled(Workflow plan) {
        java.util.Set<String> precursors = new java.util.LinkedHashSet<>(plan.stepsOf(Action.DISPENSE).stream()
                .map(d -> d.material().orElse("?")).toList());
        String target = plan.target().formula();
        var chemistry = SynthesisWorld.chemistryFor(precursors);
        if (chemistry.isPresent() && Composition.parse(chemistry.get().product()).sameRatiosAs(Composition.parse(target))) {
            return java.util.Optional.empty();
        }
        String what = chemistry.map(c -> "turns " + String.join(" + ", precursors) + " into " + c.product() + ", not " + target)
                .orElse("has no chemistry for " + String.join(" + ", precursors) + ": they stay unreacted however they are fired");
        return java.util.Optional.of("the simulated lab " + what + ". This dry run exercises the plan, the safety gate, the instruments "
                + "and the campaign loop, but cannot reach the target (the simulated lab makes "
                + String.join(", ", SynthesisWorld.products()) + ")");
    }

    private static String precursors(Workflow w) {
        return String.join(" + ", w.stepsOf(Action.DISPENSE).stream()
                .map(d -> d.material().orElse("?") + " " + d.quantity("mass").map(Object::toString).orElse("")).toList());
    }

    /** What the goal stated and the campaign therefore keeps: temperature, hold, ramp, atmosphere, named precursors, excess. */
    static DesignBounds.Fixed fixedByGoal(PlanResult plan) {
        var u = plan.understood();
        if (u == null) {
            return DesignBounds.Fixed.only(false, false);
        }
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        u.startingMaterials().forEach(m -> named.addAll(m.composition().keySet()));
        String volatileElement = DesignBounds.VOLATILE.stream().filter(u.excess()::containsKey).findFirst().orElse(null);
        Double excess = volatileElement == null ? null : u.excess().get(volatileElement);
        return new DesignBounds.Fixed(u.fixedTemperature() != null, u.hold() != null, u.requestedRamp() != null,
                u.atmosphere() != null, named, excess);
    }

    static String describe(ExperimentDesign d) {
        List<String> parts = new ArrayList<>();
        parts.add("temperature " + range(d.temperatureC(), "°C"));
        parts.add("hold " + range(d.holdH(), "h"));
        parts.add("ramp " + range(d.ramp(), "°C/min"));
        if (d.excessElement() != null) {
            parts.add(d.excessElement() + " excess " + range(d.excessPercent(), "%"));
        }
        parts.add("atmosphere " + levels(d.atmospheres()));
        d.precursors().forEach((e, options) -> parts.add(e + " from " + levels(options)));
        parts.add("furnaces " + String.join(", ", d.furnaces().stream().map(ExperimentDesign.Furnace::id).toList()));
        return String.join(", ", parts);
    }

    private static String levels(List<String> options) {
        return options.size() == 1 ? options.get(0) + " (fixed)" : "{" + String.join(" | ", options) + "}";
    }

    private static String range(ExperimentDesign.Range r, String unit) {
        return r.fixed() ? r.min() + " " + unit + " (fixed)" : r.min() + "–" + r.max() + " " + unit;
    }

    static SearchSpace space(ExperimentDesign d) {
        List<Parameter> ps = new ArrayList<>();
        if (!d.temperatureC().fixed()) {
            ps.add(new Parameter.Continuous(ExperimentDesign.TEMPERATURE, d.temperatureC().min(), d.temperatureC().max()));
        }
        if (!d.holdH().fixed()) {
            ps.add(new Parameter.Continuous(ExperimentDesign.HOLD, d.holdH().min(), d.holdH().max()));
        }
        if (!d.ramp().fixed()) {
            ps.add(new Parameter.Continuous(ExperimentDesign.RAMP, d.ramp().min(), d.ramp().max()));
        }
        if (d.excessElement() != null && !d.excessPercent().fixed()) {
            ps.add(new Parameter.Continuous(ExperimentDesign.EXCESS, d.excessPercent().min(), d.excessPercent().max()));
        }
        if (d.atmospheres().size() > 1) {
            ps.add(new Parameter.Categorical(ExperimentDesign.ATMOSPHERE, d.atmospheres()));
        }
        d.precursors().forEach((e, options) -> {
            if (options.size() > 1) {
                ps.add(new Parameter.Categorical(ExperimentDesign.PRECURSOR + e, options));
            }
        });
        return new SearchSpace(ps);
    }

    /**
     * The seed is scrambled first: the campaign's seeds are small consecutive numbers (see {@link Strategies#scrambled}).
     * Bayesian optimisation tries the planner's recipe ({@code plannersRecipe}, from the planner's knowledge table; null:
     * none) first in its initial design; random and grid search know nothing of it, as their names say.
     */
    static Strategy strategy(String name, SearchSpace space, long campaignSeed, Map<String, Object> plannersRecipe) {
        long seed = Strategies.scrambled(campaignSeed);
        return switch (name) {
            case "bo" -> new BayesianOptimisation(space, seed, plannersRecipe == null ? null : free(space, plannersRecipe));
            case "random" -> new RandomStrategy(space, seed);
            case "grid" -> new GridStrategy(space, 4);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "' (bo, random or grid)");
        };
    }

    /** Only the parameters {@code space} searches over, from a point of the whole design. */
    static Map<String, Object> free(SearchSpace space, Map<String, Object> p) {
        Map<String, Object> out = new LinkedHashMap<>();
        space.parameters().forEach(par -> out.put(par.name(), p.get(par.name())));
        return out;
    }

    /** A proposer whose proposing (Bayesian optimisation: fitting the model, maximising the acquisition) takes no lab time. */
    record ComputingProposer(CampaignLoop.Proposer inner, LabClock clock) implements CampaignLoop.Proposer {
        @Override
        public Map<String, Object> next(List<CampaignLoop.Observation> history) {
            try (LabClock.Section computing = clock.computing()) {
                return inner.next(history);
            }
        }

        @Override
        public List<Map<String, Object>> next(List<CampaignLoop.Observation> history, int count) {
            try (LabClock.Section computing = clock.computing()) {
                return inner.next(history, count);
            }
        }

        @Override
        public String explain(Map<String, Object> parameters, List<CampaignLoop.Observation> history) {
            return inner.explain(parameters, history);
        }
    }

    /** The planner's own starting point first, then the strategy's proposals, clamped into the design's box. */
    static final class StrategyProposer implements CampaignLoop.Proposer {
        private final Strategy strategy;
        private final ExperimentDesign design;
        private final Workflow plan;

        StrategyProposer(Strategy strategy, ExperimentDesign design, Workflow plan) {
            this.strategy = strategy;
            this.design = design;
            this.plan = plan;
        }

        @Override
        public Map<String, Object> next(List<CampaignLoop.Observation> history) {
            return next(history, 1).get(0);
        }

        /** A batch: the economical start first if nothing has run yet, the rest from the strategy (a batch of it). */
        @Override
        public List<Map<String, Object>> next(List<CampaignLoop.Observation> history, int count) {
            Map<String, Object> start = design.economicalStart(plan);
            List<Map<String, Object>> out = new ArrayList<>();
            if (strategy.space().dimensions() == 0) {
                for (int i = 0; i < count; i++) {
                    out.add(start);
                }
                return out;
            }
            if (history.isEmpty()) {
                out.add(start);
            }
            if (out.size() == count) {
                return out;
            }
            List<String> names = strategy.space().parameters().stream().map(Parameter::name).toList();
            List<Observation> seen = history.stream()
                    .filter(o -> o.parameters().keySet().containsAll(names)) // an experiment lost in a restart has none
                    .map(o -> new Observation(free(o.parameters()), o.usable() ? o.targetFraction() : 0.0)).toList();
            for (Map<String, Object> point : strategy.propose(seen, count - out.size())) {
                Map<String, Object> proposal = new LinkedHashMap<>(start);
                proposal.putAll(point);
                proposal.replaceAll((k, v) -> v instanceof Double d ? Math.round(d * 10) / 10.0 : v);
                out.add(proposal);
            }
            return out;
        }

        /** Only the parameters the strategy searches over. */
        private Map<String, Object> free(Map<String, Object> p) {
            return CampaignRunner.free(strategy.space(), p);
        }

        @Override
        public String explain(Map<String, Object> parameters, List<CampaignLoop.Observation> history) {
            if (free(parameters).equals(free(design.economicalStart(plan)))) {
                return "the mildest plausible recipe, 150 °C below the knowledge table's temperature with a quarter of its hold";
            }
            if (strategy instanceof BayesianOptimisation && free(parameters).equals(free(design.startingPoint(plan)))) {
                return "the planner's recipe (the knowledge table's), which Bayesian optimisation tries first";
            }
            return switch (strategy.name()) {
                case "bo" -> "Bayesian optimisation's proposal from " + (history.isEmpty() ? "its initial design"
                        : history.size() + (history.size() == 1 ? " result" : " results") + " so far");
                case "random" -> "a random point of the search space";
                case "grid" -> "the next point of the grid";
                default -> strategy.name() + "'s proposal";
            };
        }
    }
}
