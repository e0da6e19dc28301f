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
}
