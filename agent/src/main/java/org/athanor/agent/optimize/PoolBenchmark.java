package org.athanor.agent.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Pool-based benchmark: a strategy picks candidates one at a time from a table of past experiments, seeing each
 * chosen candidate's recorded value, until it has picked the best one. Counts experiments to the best and to the
 * top 5 %.
 */
public final class PoolBenchmark {

    public record Result(String strategy, int candidates, int ties, List<Integer> experimentsToBest,
                         List<Integer> experimentsToTop5pct, double randomExpectationToBest) {

        public double meanExperimentsToBest() {
            return experimentsToBest.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
        }

        public double meanExperimentsToTop5pct() {
            return experimentsToTop5pct.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
        }

        /** Mean experiments to the best as a fraction of random search's expectation (lower is better). */
        public double ratioToRandom() {
            return meanExperimentsToBest() / randomExpectationToBest;
        }
    }

    private PoolBenchmark() {
    }

    /**
     * @param strategies makes a fresh strategy for one repeat from its seed
     */
    public static Result run(Pool pool, LongFunction<Strategy> strategies, int repeats, long seed) {
        double best = pool.best();
        double[] sorted = pool.values().clone();
        Arrays.sort(sorted);
        int top = Math.max(1, (int) Math.ceil(0.05 * sorted.length));
        double top5 = sorted[sorted.length - top];
        List<Integer> toBest = new ArrayList<>();
        List<Integer> toTop = new ArrayList<>();
        String name = null;
        for (int r = 0; r < repeats; r++) {
            Strategy s = strategies.apply(seed + 1000L * r);
            name = s.name();
            Set<Integer> taken = new HashSet<>();
            List<Observation> history = new ArrayList<>();
            Integer hitTop = null;
            while (taken.size() < pool.candidates().size()) {
                int i = s.pick(history, pool.candidates(), taken, 1).get(0);
                taken.add(i);
                history.add(new Observation(pool.candidates().get(i), pool.values()[i]));
                if (hitTop == null && pool.values()[i] >= top5) {
                    hitTop = history.size();
                }
                if (Pool.isBest(pool.values()[i], best)) {
                    break;
                }
            }
            toBest.add(history.size());
            toTop.add(hitTop == null ? history.size() : hitTop);
        }
        return new Result(name, pool.candidates().size(), pool.ties(), List.copyOf(toBest), List.copyOf(toTop), pool.randomExpectationToBest());
    }
}
