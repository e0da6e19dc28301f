package org.athanor.agent.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Uniform random search: the baseline every other strategy must beat. */
public final class RandomStrategy implements Strategy {

    private final SearchSpace space;
    private final Random random;

    public RandomStrategy(SearchSpace space, long seed) {
        this.space = space;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public List<Map<String, Object>> propose(List<Observation> history, int batchSize) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            out.add(space.decode(space.randomUnit(random)));
        }
        return out;
    }

    @Override
    public List<Integer> pick(List<Observation> history, List<Map<String, Object>> pool, Set<Integer> taken, int batchSize) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!taken.contains(i)) {
                free.add(i);
            }
        }
        List<Integer> out = new ArrayList<>();
        while (out.size() < batchSize && !free.isEmpty()) {
            out.add(free.remove(random.nextInt(free.size())));
        }
        return out;
    }
}
