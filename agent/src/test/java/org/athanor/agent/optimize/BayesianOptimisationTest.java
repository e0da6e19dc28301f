package org.athanor.agent.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BayesianOptimisationTest {

    /** Branin-Hoo (Dixon &amp; Szegő 1978), negated so that larger is better, on x1 ∈ [-5, 10], x2 ∈ [0, 15]. */
    private static double negBranin(double x1, double x2) {
        double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
        return -(a * Math.pow(x2 - b * x1 * x1 + c * x1 - r, 2) + s * (1 - t) * Math.cos(x1) + s);
    }

    private static Pool braninPool() {
        SearchSpace space = SearchSpace.of(new Parameter.Continuous("x1", -5, 10), new Parameter.Continuous("x2", 0, 15));
        List<Map<String, Object>> candidates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            for (int j = 0; j < 15; j++) {
                double x1 = -5 + 15.0 * i / 14, x2 = 15.0 * j / 14;
                candidates.add(Map.of("x1", x1, "x2", x2));
                values.add(negBranin(x1, x2));
            }
        }
        return new Pool(null, List.of("x1", "x2"), "branin", true, space, candidates, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(List<Integer> xs) {
        List<Integer> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2.0;
    }

    @Test
    void findsTheBestOfAPoolInFewerExperimentsThanRandomSearchOverSeveralSeeds() {
        Pool pool = braninPool();
        var bo = PoolBenchmark.run(pool, seed -> new BayesianOptimisation(pool.space(), seed), 5, 11);
        var random = PoolBenchmark.run(pool, seed -> new RandomStrategy(pool.space(), seed), 5, 11);

        assertThat(median(bo.experimentsToBest())).isLessThan(median(random.experimentsToBest()));
        assertThat(median(bo.experimentsToBest())).isLessThan(0.5 * pool.randomExpectationToBest());
    }

    @Test
    void findsTheBestOfAPoolAsFastWhateverTheObjectivesMagnitude() {
        // A table's objective may be a yield in grams or a figure of order 1e300; the process standardises its
        // targets, so the magnitude must not matter (at 1e300 the spread overflowed and the benchmark failed; at
        // 1e-300 the spread counted as none and the model saw a flat table).
        Pool pool = braninPool();
        double random = pool.randomExpectationToBest();
        for (double factor : new double[] {1e300, 1e-300}) {
            double[] scaled = pool.values().clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = factor * (scaled[i] + 400); // the offset keeps every value positive, as yields are
            }
            Pool p = new Pool(null, pool.params(), "branin", true, pool.space(), pool.candidates(), scaled);

            var bo = PoolBenchmark.run(p, seed -> new BayesianOptimisation(p.space(), seed), 5, 11);

            assertThat(median(bo.experimentsToBest())).as("objectives × %s", factor).isLessThan(0.5 * random);
        }
    }

    @Test
    void getsCloseToTheOptimumOfAContinuousFunction() {
        SearchSpace space = SearchSpace.of(new Parameter.Continuous("x1", -5, 10), new Parameter.Continuous("x2", 0, 15));
        BayesianOptimisation bo = new BayesianOptimisation(space, 5);
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> p = bo.propose(history, 1).get(0);
            history.add(new Observation(p, negBranin((Double) p.get("x1"), (Double) p.get("x2"))));
        }
        double best = history.stream().mapToDouble(Observation::value).max().orElseThrow();
        // global optimum is -0.397887; random search with 30 points typically stays above 2
        assertThat(best).isGreaterThan(-0.397887 - 0.6);
    }

    @Test
    void aBatchHoldsDistinctPointsForParallelFurnaces() {
        SearchSpace space = SearchSpace.of(new Parameter.Continuous("temperature", 800, 1300), new Parameter.Whole("holdH", 1, 24));
        BayesianOptimisation bo = new BayesianOptimisation(space, 3);
        List<Observation> history = new ArrayList<>();
        for (Map<String, Object> p : new RandomStrategy(space, 1).propose(List.of(), 6)) {
            double t = (Double) p.get("temperature");
            history.add(new Observation(p, -Math.pow((t - 1100) / 100, 2) - Math.abs(((Long) p.get("holdH")) - 8) / 10.0));
        }
        List<Map<String, Object>> batch = bo.propose(history, 4);

        assertThat(batch).hasSize(4);
        assertThat(new HashSet<>(batch)).hasSize(4);
        assertThat(batch).allSatisfy(p -> assertThat(p.get("holdH")).isInstanceOf(Long.class));
    }

    @Test
    void handlesACategoricalChoiceOfPrecursor() {
        SearchSpace space = SearchSpace.of(new Parameter.Categorical("precursor", List.of("BaCO3", "BaO", "Ba(NO3)2")),
                new Parameter.Continuous("temperature", 800, 1300));
        BayesianOptimisation bo = new BayesianOptimisation(space, 9);
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Map<String, Object> p = bo.propose(history, 1).get(0);
            double t = (Double) p.get("temperature");
            double bonus = p.get("precursor").equals("BaO") ? 1 : 0;
            history.add(new Observation(p, bonus - Math.pow((t - 1000) / 200, 2)));
        }
        List<Observation> lastFive = history.subList(10, 15);

        assertThat(lastFive.stream().filter(o -> o.parameters().get("precursor").equals("BaO")).count()).isGreaterThanOrEqualTo(3);
    }
}
