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
 * skipped; once the grid is spent it starts over.
 */
public final class GridStrategy implements Strategy {

    private static final double TIE = 1e-9;

    private final SearchSpace space;
    private final List<Map<String, Object>> grid;
    private final double[][] encoded;
    /** Per encoded coordinate: 1 for a numeric one, 1/2 for a one-hot one, so that a different level counts as a full range. */
    private final double[] weights;
    /** Squared distance from each grid point to the nearest point seen or proposed; +inf before any. */
    private final double[] nearest;
    private int historyCounted;

    public GridStrategy(SearchSpace space, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 levels per parameter, was " + levels);
        }
        this.space = space;
        this.grid = build(space, levels);
        this.encoded = grid.stream().map(space::encode).toArray(double[][]::new);
        this.weights = new double[space.dimensions()];
        int i = 0;
        for (Parameter p : space.parameters()) {
            Arrays.fill(weights, i, i + p.width(), p instanceof Parameter.Categorical ? 0.5 : 1);
            i += p.width();
        }
        this.nearest = new double[grid.size()];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
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
            visit(space.encode(history.get(historyCounted).parameters()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        while (out.size() < batchSize) {
            int chosen = farthest();
            if (nearest[chosen] == 0) {
                Arrays.fill(nearest, Double.POSITIVE_INFINITY); // every point visited: start over
                chosen = farthest();
            }
            out.add(grid.get(chosen));
            visit(encoded[chosen]);
        }
        return out;
    }

    /** The unvisited grid point farthest from those visited; before any visit, the one nearest the numeric middle. */
    private int farthest() {
        boolean fresh = nearest[0] == Double.POSITIVE_INFINITY; // a visit leaves every distance finite
        int best = 0;
        for (int i = 1; i < grid.size(); i++) {
            // The margin keeps ties with the earlier point when rounding in the encoding (thirds, fifths) differs.
            if (fresh ? fromMiddle(encoded[i]) < fromMiddle(encoded[best]) - TIE : nearest[i] > nearest[best] + TIE) {
                best = i;
            }
        }
        return best;
    }

    private void visit(double[] x) {
        for (int i = 0; i < grid.size(); i++) {
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                d += weights[j] * (encoded[i][j] - x[j]) * (encoded[i][j] - x[j]);
            }
            nearest[i] = Math.min(nearest[i], d);
        }
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
