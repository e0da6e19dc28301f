package org.athanor.agent.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridStrategyTest {

    private final SearchSpace space = SearchSpace.of(new Parameter.Continuous("temperature", 900, 1300),
            new Parameter.Categorical("gas", List.of("air", "Ar")));

    @Test
    void walksEveryGridPointOnceBeforeRepeatingAny() {
        GridStrategy grid = new GridStrategy(space, 5);
        List<Observation> history = new ArrayList<>();
        for (Map<String, Object> p : grid.propose(history, 10)) {
            history.add(new Observation(p, 0));
        }

        assertThat(grid.size()).isEqualTo(10);
        assertThat(new HashSet<>(history.stream().map(Observation::parameters).toList())).hasSize(10);
        assertThat(history).extracting(o -> o.parameters().get("temperature")).contains(900.0, 1000.0, 1100.0, 1200.0, 1300.0);
    }

    @Test
    void strategiesAreFoundByTheirCliNames() {
        assertThat(Strategies.create("BO", space, 1)).isInstanceOf(BayesianOptimisation.class);
        assertThat(Strategies.create("random", space, 1).name()).isEqualTo("random");
        assertThat(Strategies.create("grid", space, 1).name()).isEqualTo("grid");
        assertThatThrownBy(() -> Strategies.create("annealing", space, 1)).hasMessageContaining("unknown strategy 'annealing'");
    }

    @Test
    void aShortBudgetReachesBothEndsOfEveryParameterAndEveryLevel() {
        // The campaign's grid (4 levels): a budget of 8 used to stay at the lowest temperature and hold for
        // experiments 2-6, varying only atmosphere and ramp.
        SearchSpace furnace = SearchSpace.of(new Parameter.Continuous("temperature", 600, 1200), new Parameter.Continuous("hold", 1, 12),
                new Parameter.Continuous("ramp", 1, 10), new Parameter.Categorical("atmosphere", List.of("air", "Ar", "N2")));
        GridStrategy grid = new GridStrategy(furnace, 4);
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            history.add(new Observation(grid.propose(history, 1).get(0), 0));
        }
        List<Map<String, Object>> visited = history.stream().map(Observation::parameters).toList();

        assertThat(new HashSet<>(visited)).hasSize(8);
        for (Parameter p : furnace.parameters().subList(0, 3)) {
            Parameter.Continuous c = (Parameter.Continuous) p;
            assertThat(visited).extracting(v -> v.get(c.name())).as(c.name()).contains(c.low(), c.high());
        }
        assertThat(visited).extracting(v -> v.get("atmosphere")).contains("air", "Ar", "N2");
        assertThat(visited.subList(1, 6)).extracting(v -> v.get("temperature")).containsAnyOf(800.0, 1000.0, 1200.0);
    }

    @Test
    void beginsNearTheMiddleAndTheOrderIsTheSameEveryTimeInOneBatchOrOneByOne() {
        GridStrategy oneByOne = new GridStrategy(space, 5);
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(new Observation(oneByOne.propose(history, 1).get(0), 0));
        }

        List<Map<String, Object>> batch = new GridStrategy(space, 5).propose(List.of(), 10);

        assertThat(batch).isEqualTo(history.stream().map(Observation::parameters).toList());
        assertThat(batch.get(0).get("temperature")).isEqualTo(1100.0);
        assertThat(batch.get(1).get("gas")).isNotEqualTo(batch.get(0).get("gas"));
    }

    @Test
    void skipsPointsAlreadyInTheHistoryAndStartsOverOnceTheGridIsSpent() {
        GridStrategy grid = new GridStrategy(space, 2);
        List<Observation> history = List.of(new Observation(Map.of("temperature", 900.0, "gas", "air"), 1),
                new Observation(Map.of("temperature", 1300.0, "gas", "Ar"), 2));

        List<Map<String, Object>> next = grid.propose(history, 3);

        assertThat(next.subList(0, 2)).containsExactlyInAnyOrder(Map.of("temperature", 900.0, "gas", "Ar"), Map.of("temperature", 1300.0, "gas", "air"));
        assertThat(grid.size()).isEqualTo(4);
        assertThat(next.get(2)).isIn(history.stream().map(Observation::parameters).toList().toArray());
    }
    @Test
    void walksAPoolInTheSameSpaceFillingOrderHoweverItsRowsAreSorted() {
        // A pool used to be walked in table order, so a table sorted by its objective decided the result.
        SearchSpace line = SearchSpace.of(new Parameter.Continuous("x", 0, 10), new Parameter.Categorical("gas", List.of("air", "Ar")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int x = 0; x <= 10; x++) {
            rows.add(Map.of("x", (double) x, "gas", x % 3 == 0 ? "Ar" : "air"));
        }
        List<Map<String, Object>> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);

        List<Map<String, Object>> forward = walk(line, rows);
        List<Map<String, Object>> backward = walk(line, reversed);

        assertThat(forward).isEqualTo(backward);
        assertThat(new HashSet<>(forward)).hasSize(rows.size());
        assertThat(forward.get(0).get("x")).isEqualTo(5.0);
        assertThat(forward.subList(1, 3)).extracting(r -> (Double) r.get("x")) // then out to both ends
                .anyMatch(x -> x <= 1).anyMatch(x -> x >= 9);
    }

    private static List<Map<String, Object>> walk(SearchSpace space, List<Map<String, Object>> pool) {
        GridStrategy grid = new GridStrategy(space, 3);
        List<Observation> history = new ArrayList<>();
        java.util.Set<Integer> taken = new HashSet<>();
        List<Map<String, Object>> order = new ArrayList<>();
        while (taken.size() < pool.size()) {
            List<Integer> next = grid.pick(history, pool, taken, 2);
            for (int i : next) {
                taken.add(i);
                order.add(pool.get(i));
                history.add(new Observation(pool.get(i), 0));
            }
        }
        return order;
    }
}
