package org.athanor.agent.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A full-factorial grid: {@code levels} values per numeric parameter (bounds included), every level of a categorical,
 * visited in a space-filling order so that a short budget spreads over every parameter. The first point is the one
 * nearest the middle of the numeric ranges; each next one is the grid point farthest from everything seen or proposed
 * so far (greedy maximin; ties go to the earlier point of the factorial order). Points already in the history are
 * skipped; once the grid is spent it starts over. On a pool (a table of past experiments) the same order is walked over
 * the pool's own candidates, so what comes first does not depend on how the table's rows happen to be sorted.
 */
public final class GridStrategy implements Strategy {

    private final SearchSpace space;
    private final List<Map<String, Object>> grid;
    private final Maximin order;
    private int historyCounted;

    public GridStrategy(SearchSpace space, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 levels per parameter, was " + levels);
        }
        this.space = space;
        this.grid = build(space, levels);
        this.order = new Maximin(space, grid.stream().map(space::encode).toArray(double[][]::new));
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
        for (; historyCounted < history.size(); historyCounted++) {
            order.visit(space.encode(history.get(historyCounted).parameters()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        while (out.size() < batchSize) {
            int chosen = order.next();
            if (chosen < 0) {
                order.forget(); // every point visited: start over
                chosen = order.next();
            }
            out.add(grid.get(chosen));
            order.visit(chosen);
        }
        return out;
    }

    @Override
    public List<Integer> pick(List<Observation> history, List<Map<String, Object>> pool, Set<Integer> taken, int batchSize) {
        // Walk the candidates sorted by their encoding, so that ties (and so the order) do not follow the table's rows.
        Integer[] rows = new Integer[pool.size()];
        double[][] encoded = new double[pool.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
            encoded[i] = space.encode(pool.get(i));
        }
        Arrays.sort(rows, (a, b) -> Arrays.compare(encoded[a], encoded[b]));
        Maximin walk = new Maximin(space, Arrays.stream(rows).map(i -> encoded[i]).toArray(double[][]::new));
        history.forEach(o -> walk.visit(space.encode(o.parameters())));
        for (int k = 0; k < rows.length; k++) {
            if (taken.contains(rows[k])) {
                walk.visit(k);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int chosen = walk.next(); chosen >= 0 && out.size() < batchSize; chosen = walk.next()) {
            out.add(rows[chosen]);
            walk.visit(chosen);
        }
        return out;
    }

    /**
     * Greedy maximin order over a fixed set of encoded points: first the one nearest the middle of the numeric
     * ranges, then each time the point farthest from everything visited (ties to the earlier point).
     */
    private static final class Maximin {

        private static final double TIE = 1e-9;

        private final double[][] points;
        /** Per encoded coordinate: 1 for a numeric one, 1/2 for a one-hot one, so that a different level counts as a full range. */
        private final double[] weights;
        /** Squared distance from each point to the nearest visited one; +inf before any visit. */
        private final double[] nearest;
        private final boolean[] visited;

        Maximin(SearchSpace space, double[][] points) {
            this.points = points;
            this.weights = new double[space.dimensions()];
            int i = 0;
            for (Parameter p : space.parameters()) {
                Arrays.fill(weights, i, i + p.width(), p instanceof Parameter.Categorical ? 0.5 : 1);
                i += p.width();
            }
            this.nearest = new double[points.length];
            this.visited = new boolean[points.length];
            forget();
        }

        void forget() {
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
        }

        void visit(int i) {
            visited[i] = true;
            visit(points[i]);
        }

        void visit(double[] x) {
            for (int i = 0; i < points.length; i++) {
                double d = 0;
                for (int j = 0; j < x.length; j++) {
                    d += weights[j] * (points[i][j] - x[j]) * (points[i][j] - x[j]);
                }
                nearest[i] = Math.min(nearest[i], d);
                if (d == 0) {
                    visited[i] = true;
                }
            }
        }

        /** The unvisited point farthest from those visited, or -1 when every point was visited. */
        int next() {
            int best = -1;
            for (int i = 0; i < points.length; i++) {
                if (visited[i]) {
                    continue;
                }
                // The margin keeps ties with the earlier point when rounding in the encoding (thirds, fifths) differs.
                if (best < 0 || (nearest[i] == Double.POSITIVE_INFINITY
                        ? fromMiddle(points[i]) < fromMiddle(points[best]) - TIE : nearest[i] > nearest[best] + TIE)) {
                    best = i;
                }
            }
            return best;
        }

        private double fromMiddle(double[] x) {
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                if (weights[j] == 1) { // numeric; a categorical has no middle
                    d += (x[j] - 0.5) * (x[j] - 0.5);
                }
            }
            return d;
        }
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
