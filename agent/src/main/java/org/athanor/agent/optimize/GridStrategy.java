package org.athanor.agent.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A full-factorial grid walked in order: {@code levels} values per numeric parameter (bounds included), every level
 * of a categorical. Points already in the history are skipped; once the grid is spent it starts over.
 */
public final class GridStrategy implements Strategy {

    private final SearchSpace space;
    private final List<Map<String, Object>> grid;
    private int next;

    public GridStrategy(SearchSpace space, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 levels per parameter, was " + levels);
        }
        this.space = space;
        this.grid = build(space, levels);
    }

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    public int size() {
        return grid.size();
    }

    @Override
    public List<Map<String, Object>> propose(List<Observation> history, int batchSize) {
        List<Map<String, Object>> seen = history.stream().map(Observation::parameters).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int tries = 0; out.size() < batchSize && tries < 2 * grid.size(); tries++) {
            Map<String, Object> p = grid.get(next);
            next = (next + 1) % grid.size();
            if (!seen.contains(p) || tries >= grid.size()) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public List<Integer> pick(List<Observation> history, List<Map<String, Object>> pool, Set<Integer> taken, int batchSize) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pool.size() && out.size() < batchSize; i++) {
            if (!taken.contains(i)) {
                out.add(i); // a pool is already a design: walk it in table order
            }
        }
        return out;
    }

    private static List<Map<String, Object>> build(SearchSpace space, int levels) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[space.dimensions()]);
        int offset = 0;
        for (Parameter p : space.parameters()) {
            List<double[]> grown = new ArrayList<>();
            for (double[] base : points) {
                if (p instanceof Parameter.Categorical c) {
                    for (int k = 0; k < c.levels().size(); k++) {
                        double[] x = base.clone();
                        x[offset + k] = 1;
                        grown.add(x);
                    }
                } else {
                    for (int k = 0; k < levels; k++) {
                        double[] x = base.clone();
                        x[offset] = k / (double) (levels - 1);
                        grown.add(x);
                    }
                }
            }
            points = grown;
            offset += p.width();
        }
        return points.stream().map(space::decode).distinct().toList();
    }
}
