package org.athanor.agent.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatinHypercubeTest {

    private final SearchSpace space = SearchSpace.of(
            new Parameter.Continuous("temperatureC", 600, 1200),
            new Parameter.Continuous("holdH", 0.5, 12),
            new Parameter.Categorical("atmosphere", List.of("air", "O2", "Ar")),
            new Parameter.Categorical("precursorLi", List.of("Li2CO3", "LiOH·H2O")));

    @Test
    void everyNumericCoordinateHasOnePointInEachStratum() {
        int n = 6;
        List<double[]> points = space.latinHypercube(n, new Random(3));
        assertThat(points).hasSize(n);
        for (int coordinate : new int[] {0, 1}) {
            boolean[] seen = new boolean[n];
            for (double[] x : points) {
                int stratum = (int) Math.floor(x[coordinate] * n);
                assertThat(seen[stratum]).as("stratum %d of coordinate %d taken twice", stratum, coordinate).isFalse();
                seen[stratum] = true;
            }
        }
    }

    @Test
    void categoricalLevelsAreBalancedAndEachPointIsValid() {
        List<double[]> points = space.latinHypercube(6, new Random(5));
        Map<Object, Integer> gases = new HashMap<>();
        Map<Object, Integer> lithium = new HashMap<>();
        for (double[] x : points) {
            assertThat(x[0]).isBetween(0.0, 1.0);
            assertThat(x[1]).isBetween(0.0, 1.0);
            assertThat(x[2] + x[3] + x[4]).isEqualTo(1.0); // one level hot per categorical
            assertThat(x[5] + x[6]).isEqualTo(1.0);
            Map<String, Object> p = space.decode(x);
            gases.merge(p.get("atmosphere"), 1, Integer::sum);
            lithium.merge(p.get("precursorLi"), 1, Integer::sum);
        }
        assertThat(gases.values()).containsOnly(2);
        assertThat(lithium.values()).containsOnly(3);
    }

    @Test
    void boStartsFromTheHypercubeNotFromTheRandomStrategysDraws() {
        var bo = new BayesianOptimisation(space, 11);
        var random = new RandomStrategy(space, 11);
        List<Observation> history = new ArrayList<>();
        List<Map<String, Object>> fromBo = new ArrayList<>();
        List<Map<String, Object>> fromRandom = new ArrayList<>();
        for (int i = 0; i < BayesianOptimisation.initialPoints(space) - 1; i++) {
            fromBo.add(bo.propose(history, 1).get(0));
            fromRandom.add(random.propose(history, 1).get(0));
            history.add(new Observation(fromBo.get(i), 0.1 * i));
        }
        assertThat(fromBo).doesNotContainAnyElementsOf(fromRandom);
        assertThat(BayesianOptimisation.initialPoints(space)).isEqualTo(5); // four parameters + 1
    }

    @Test
    void scrambledSeedsGiveDifferentFirstDrawsWhereConsecutiveSeedsDoNot() {
        double first = new Random(1).nextDouble();
        assertThat(new Random(2).nextDouble()).isCloseTo(first, org.assertj.core.data.Offset.offset(0.001)); // the flaw
        List<Double> draws = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            draws.add(new Random(Strategies.scrambled(seed)).nextDouble());
        }
        assertThat(draws.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - draws.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isGreaterThan(0.3);
    }

    @Test
    void withNothingButEqualResultsBoKeepsFillingTheSpaceInsteadOfProbingCorners() {
        SearchSpace box = SearchSpace.of(new Parameter.Continuous("temperatureC", 400, 1500), new Parameter.Continuous("holdH", 0.5, 12));
        var bo = new BayesianOptimisation(box, 4);
        List<Observation> history = new ArrayList<>();
        int corners = 0;
        for (int i = 0; i < 15; i++) {
            Map<String, Object> p = bo.propose(history, 1).get(0);
            double t = (Double) p.get("temperatureC");
            double h = (Double) p.get("holdH");
            if ((t == 400 || t == 1500) && (h == 0.5 || h == 12)) {
                corners++;
            }
            history.add(new Observation(p, 0.0));
        }
        assertThat(corners).isLessThanOrEqualTo(1);
    }
}
