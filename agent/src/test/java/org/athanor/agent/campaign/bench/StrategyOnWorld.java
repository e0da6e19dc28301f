package org.athanor.agent.campaign.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.athanor.agent.campaign.CampaignLoop;
import org.athanor.agent.campaign.ExperimentDesign;
import org.athanor.agent.campaign.WorldCampaigns;
import org.athanor.materials.Composition;
import org.athanor.simulators.world.SynthesisWorld;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * A fast screen of the campaign strategies on the simulated world's hidden truth, without instruments or XRD: the
 * campaign's own plan, search box, proposer and strategies; each proposed workflow's dispense, mix and heat steps are
 * applied to a {@link SynthesisWorld} directly (the furnace as a ramp, the hold and natural cooling), and the target's
 * true weight fraction is the result. Many seeds in seconds, so it shows how often a uniform point of the box already
 * reaches the target (the box's hit rate) and how a strategy compares over far more seeds than the lab benchmark
 * ({@code scripts/campaign-benchmark}) can afford. It is a screen, not the figure: the figure is measured on the lab.
 * <pre>./bench agent --main org.athanor.agent.campaign.bench.StrategyOnWorld SEEDS BUDGET [--from FIRST_SEED] [--trace] [--wide] [--recipe-shift C] [--uninformed] [GOAL...]</pre>
 */
public final class StrategyOnWorld {

    private static final double TARGET = 0.95;
    /** The first seed (--from N): keep the seeds a strategy is tuned on apart from those it is judged on. */
    private static int firstSeed = 1;
    /** --trace prints every experiment. */
    private static boolean trace;
    /**
     * --wide searches a box nearer the lab's own limits than the campaign's: from 400 °C (where the box furnaces'
     * programs usually start and any carbonate still holds) and holds up to 48 h, the top of the box unchanged.
     */
    private static boolean wide;
    private static final double WIDE_LOWEST_C = 400;
    /**
     * --recipe-shift C: Bayesian optimisation's first point is the planner's recipe with its temperature C °C off (as
     * from a wrong knowledge table), to show what a wrong recipe costs.
     */
    private static double recipeShiftC;
    /** --uninformed: also runs Bayesian optimisation without the planner's recipe (a Latin hypercube alone). */
    private static boolean uninformed;
    private static final double WIDE_LONGEST_H = 48;

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int budget = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        List<String> named = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> firstSeed = Integer.parseInt(args[++i]);
                case "--trace" -> trace = true;
                case "--wide" -> wide = true;
                case "--recipe-shift" -> recipeShiftC = Double.parseDouble(args[++i]);
                case "--uninformed" -> uninformed = true;
                default -> named.add(args[i]);
            }
        }
        List<String> goals = !named.isEmpty() ? named : List.of(
                "Make 2 g of phase-pure BaTiO3, confirm by XRD, stay below 1250 °C",
                "Prepare 1 g of gahnite ZnAl2O4, XRD, maximum 1200 °C",
                "Synthesize 1 g of Li2TiO3 below 1100 °C with an XRD check",
                "Make 1 g of LiFePO4 under argon, XRD",
                "Make 2 g of MgAl2O4 spinel, XRD",
                "Synthesize 1 g of Li2TiO3 with an XRD check",
                "Make 1 g of LiFePO4, XRD",
                "Make 2 g of BaTiO3, XRD",
                "Make 1 g of LiMn2O4 spinel, XRD",
                // A tight cap on temperature leaves a sliver of the box (scripts/campaign-benchmark's last four goals).
                "Make 2 g of MgAl2O4 spinel below 1300 °C, XRD",
                "Make 2 g of BaTiO3 below 1050 °C, XRD",
                "Make 1 g of ZnAl2O4 below 1000 °C, XRD",
                "Synthesize 1 g of Li2TiO3 below 700 °C, XRD");
        for (String goal : goals) {
            WorldCampaigns.Setup setup = wide ? WorldCampaigns.setup(goal).widened(WIDE_LOWEST_C, WIDE_LONGEST_H) : WorldCampaigns.setup(goal);
            System.out.println(goal + "\n  box: " + setup.describe() + "; batches of " + setup.batch());
            System.out.printf(Locale.ROOT, "  planner's recipe %s: truth %.3f; mild start %s: %.3f%n",
                    setup.design().startingPoint(setup.plan()), truth(world(3), setup.workflow(1, setup.design().startingPoint(setup.plan())), "p", 3),
                    setup.start(), truth(world(3), setup.workflow(1, setup.start()), "m", 3));
            double hit = hitRate(setup, 400);
            System.out.printf(Locale.ROOT, "  hit rate of a uniform point: %.3f (400 points); random search's median with it: experiment %d%n",
                    hit, randomMedian(hit));
            for (String strategy : uninformed ? List.of("bo", "bo-uninformed", "random") : List.of("bo", "random")) {
                List<Integer> counts = new ArrayList<>();
                for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                    counts.add(experimentsToTarget(setup, strategy, seed, budget));
                }
                List<Integer> sorted = counts.stream().sorted().toList();
                double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
                System.out.printf(Locale.ROOT, "  %-6s median %.1f  mean %.2f  %s%n", strategy, median,
                        counts.stream().mapToInt(Integer::intValue).average().orElse(0), counts);
            }
        }
    }

    /** Experiments (in index order) until the truth first reaches the target; budget + 1 when it never does. */
    static int experimentsToTarget(WorldCampaigns.Setup setup, String strategy, long seed, int budget) {
        SynthesisWorld world = world(seed);
        CampaignLoop.Proposer proposer = switch (strategy) {
            case "bo-uninformed" -> setup.proposer("bo", seed, null);
            case "bo" -> setup.proposer("bo", seed, recipe(setup));
            default -> setup.proposer(strategy, seed);
        };
        List<CampaignLoop.Observation> history = new ArrayList<>();
        int index = 0;
        while (index < budget) {
            List<Map<String, Object>> batch = proposer.next(history, Math.min(setup.batch(), budget - index));
            for (Map<String, Object> p : batch) {
                index++;
                double fraction = truth(world, setup.workflow(index, p), "s" + seed + "-" + index, seed * 1000 + index);
                history.add(new CampaignLoop.Observation(index, p, fraction, true));
                if (trace) {
                    System.out.printf(Locale.ROOT, "    %s seed %d e%d %.3f %s%n", strategy, seed, index, fraction, p);
                }
            }
            for (CampaignLoop.Observation o : history.subList(history.size() - batch.size(), history.size())) {
                if (o.targetFraction() >= TARGET) {
                    return o.index();
                }
            }
        }
        return budget + 1;
    }

    /** The planner's recipe, its temperature moved by --recipe-shift (clamped into the box). */
    private static Map<String, Object> recipe(WorldCampaigns.Setup setup) {
        Map<String, Object> recipe = new java.util.LinkedHashMap<>(setup.design().startingPoint(setup.plan()));
        double t = ((Number) recipe.get(ExperimentDesign.TEMPERATURE)).doubleValue();
        recipe.put(ExperimentDesign.TEMPERATURE, setup.design().temperatureC().clamp(t + recipeShiftC));
        return recipe;
    }

    static double hitRate(WorldCampaigns.Setup setup, int points) {
        SynthesisWorld world = world(7);
        CampaignLoop.Proposer random = setup.proposer("random", 99);
        int hits = 0;
        List<CampaignLoop.Observation> history = new ArrayList<>();
        history.add(new CampaignLoop.Observation(0, setup.start(), 0, true)); // past the shared start
        for (int i = 1; i <= points; i++) {
            Map<String, Object> p = random.next(history, 1).get(0);
            hits += truth(world, setup.workflow(i, p), "h" + i, i) >= TARGET ? 1 : 0;
        }
        return hits / (double) points;
    }

    /**
     * The experiment by which random search has reached the target in half of all campaigns, when experiment 1 (the
     * shared start) misses and each later one hits with probability {@code hit}: the least k with
     * 1 − (1 − hit)^(k−1) ≥ ½. No strategy can do better than experiment 2 after a missed start, so a ratio of ½ needs
     * this to be 4 or more, that is a hit rate of at most 0.29.
     */
    static int randomMedian(double hit) {
        if (hit <= 0) {
            return Integer.MAX_VALUE;
        }
        int k = 2;
        while (1 - Math.pow(1 - hit, k - 1) < 0.5) {
            k++;
        }
        return k;
    }

    /** The target's true weight fraction after the workflow's dispense, mix and heat steps. */
    static double truth(SynthesisWorld world, Workflow w, String sample, long doserSeed) {
        Random doser = new Random(doserSeed);
        world.newSample(sample, "alumina");
        for (Step d : w.stepsOf(Action.DISPENSE)) {
            world.dispense(sample, d.material().orElseThrow(), d.quantity("mass").orElseThrow().grams() * 1000, doser);
        }
        for (Step m : w.stepsOf(Action.MIX)) {
            world.mix(sample, m.quantity("duration").orElseThrow().minutes() * 60, m.text("method").orElse("ball-mill"));
        }
        for (Step h : w.stepsOf(Action.HEAT)) {
            Atmosphere gas = h.atmosphere().orElse(Atmosphere.of("air"));
            double t = 25;
            for (HeatSegment s : h.profile()) {
                double to = s.temperature().celsius();
                double rate = Math.max(0.5, s.rampRate().celsiusPerMinute());
                if (to > t) {
                    for (double x = t; x < to; x += 10) { // the ramp up, 10 °C at a time
                        world.expose(sample, Math.min(to, x + 5), gas, 10 / rate / 60);
                    }
                } else {
                    cool(world, sample, t, to, gas);
                }
                t = to;
                double hold = s.hold().hours();
                for (double done = 0; done < hold; done += 0.1) {
                    world.expose(sample, to, gas, Math.min(0.1, hold - done));
                }
            }
            cool(world, sample, t, 25, gas);
        }
        // The world names phases as chemists write them (ZnAl2O4); the plan's target may be in another order (Al2ZnO4).
        String target = Composition.parse(w.target().formula()).reducedFormula();
        return world.snapshot(sample).phaseWeightFractions().entrySet().stream()
                .filter(e -> sameCompound(e.getKey(), target))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** A world phase named by its formula alone (not a polymorph such as "BaTiO3-hexagonal") with the target's formula. */
    private static boolean sameCompound(String phase, String targetFormula) {
        try {
            return Composition.parse(phase).reducedFormula().equals(targetFormula);
        } catch (RuntimeException notAFormula) {
            return false;
        }
    }

    /** Natural cooling of a box furnace (τ = 50 min, WORLD.md), in 3-minute steps, down to where nothing reacts. */
    private static void cool(SynthesisWorld world, String sample, double from, double to, Atmosphere gas) {
        double t = from;
        double step = 0.05;
        while (t > Math.max(to, 300)) {
            world.expose(sample, t, gas, step);
            t = 25 + (t - 25) * Math.exp(-step * 60 / 50);
        }
    }

    /** The default world with stock and crucibles that never run out. */
    private static SynthesisWorld world(long seed) {
        Map<String, Double> stock = new java.util.HashMap<>(SynthesisWorld.defaultInventory());
        stock.replaceAll((k, grams) -> 1e9);
        return new SynthesisWorld(stock, Map.of("alumina", Integer.MAX_VALUE), seed);
    }

    private StrategyOnWorld() {
    }
}
