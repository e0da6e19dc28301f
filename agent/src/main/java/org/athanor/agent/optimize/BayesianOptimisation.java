package org.athanor.agent.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Bayesian optimisation: a {@link GaussianProcess} (ARD Matérn 5/2) over the encoded search space, expected
 * improvement (Jones, Schonlau &amp; Welch, J. Global Optim. 13, 455 (1998)) maximised by random sampling plus a local
 * search around the best samples; categorical parameters one-hot. Batches are filled with the kriging believer
 * heuristic (Ginsbourger, Le Riche &amp; Carraro, 2010): each chosen point is added with its predicted mean as if
 * observed, and the next point is chosen on the updated process.
 *
 * <p>Given a first point (a campaign's: the planner's recipe from its knowledge table), the initial design begins with
 * it, and the rest is the usual Latin hypercube: a good recipe is tried at once, and a wrong one costs one experiment,
 * since the model still starts from a design that spans the box. (Also weighting the acquisition by a belief around
 * that point, as πBO does (Hvarfner et al., ICLR 2022), changed no campaign on the simulated world and cost a wrong
 * belief more on Hartmann's function, so it was left out.)
 */
public final class BayesianOptimisation implements Strategy {

    /** Design points before the model is trusted (at least 2, and enough to span the inputs). */
    private final int initialPoints;
    /** The initial design, a Latin hypercube drawn on first use; how many of its points were proposed. */
    private List<double[]> initialDesign;
    private int initialProposed;
    private final SearchSpace space;
    private final Random random;
    /** The initial design's first point, or null for none (a Latin hypercube alone). */
    private final Map<String, Object> firstPoint;
    private GaussianProcess.Hyper lastHyper;
    private int lastFitSize;
    // Exploration margin of EI in standardised units; 0.01 is the usual default (Lizotte 2008).
    private static final double XI = 0.01;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Encoded coordinates closer than this are the same experiment (campaign proposals are rounded to 0.1 in their units). */
    private static final double SAME_POINT = 1e-3;

    public BayesianOptimisation(SearchSpace space, long seed) {
        this(space, seed, initialPoints(space));
    }

    public BayesianOptimisation(SearchSpace space, long seed, int initialPoints) {
        this(space, seed, initialPoints, null);
    }

    /** With {@code firstPoint} (null: none) as the first point of the initial design; a value outside the box is moved to its edge. */
    public BayesianOptimisation(SearchSpace space, long seed, Map<String, Object> firstPoint) {
        this(space, seed, initialPoints(space), firstPoint);
    }

    private BayesianOptimisation(SearchSpace space, long seed, int initialPoints, Map<String, Object> firstPoint) {
        this.space = space;
        this.random = new Random(seed);
        this.initialPoints = initialPoints;
        this.firstPoint = firstPoint == null ? null : Map.copyOf(firstPoint);
        if (firstPoint != null) {
            space.encode(firstPoint); // a point without a value for some parameter is refused here, not at the first proposal
        }
    }

    /**
     * One more point than there are parameters, at least 2 and at most 6: enough for the model's first fit to see each
     * parameter vary, few enough to leave most of a 20-experiment budget to the model. A categorical counts once, not
     * per level (its levels are stratified by the Latin hypercube).
     */
    static int initialPoints(SearchSpace space) {
        return Math.max(2, Math.min(6, space.parameters().size() + 1));
    }

    @Override
    public String name() {
        return "bo";
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public List<Map<String, Object>> propose(List<Observation> history, int batchSize) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (history.size() < initialPoints) {
            if (initialDesign == null) {
                initialDesign = initialDesign();
            }
            List<double[]> seen = history.stream().map(o -> space.encode(o.parameters())).toList();
            while (out.size() < batchSize) {
                double[] x = initialProposed < initialDesign.size() ? initialDesign.get(initialProposed++) : space.randomUnit(random);
                if (seen.stream().noneMatch(s -> same(s, x))) { // a resumed campaign may have run the first point already
                    out.add(space.decode(x));
                }
            }
            return out;
        }
        if (history.stream().mapToDouble(Observation::value).distinct().count() == 1) {
            // Every result so far is the same (e.g. no target at all): the process has nothing to model, and expected
            // improvement on a flat posterior only probes the box's corners. Keep filling the space at random until
            // some result differs.
            for (int i = 0; i < batchSize; i++) {
                out.add(space.decode(space.randomUnit(random)));
            }
            return out;
        }
        List<double[]> xs = new ArrayList<>(history.stream().map(o -> space.encode(o.parameters())).toList());
        List<Double> ys = new ArrayList<>(history.stream().map(Observation::value).toList());
        GaussianProcess gp = fit(xs, ys);
        for (int b = 0; b < batchSize; b++) {
            double best = ys.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double[] x = maximiseEi(gp, best);
            out.add(space.decode(x));
            believe(xs, ys, x, gp);
            gp = GaussianProcess.withHyper(xs.toArray(double[][]::new), unbox(ys), gp.hyper());
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
        if (history.size() < initialPoints) {
            while (out.size() < batchSize && !free.isEmpty()) {
                out.add(free.remove(random.nextInt(free.size())));
            }
            return out;
        }
        List<double[]> encoded = pool.stream().map(space::encode).toList();
        List<double[]> xs = new ArrayList<>(history.stream().map(o -> space.encode(o.parameters())).toList());
        List<Double> ys = new ArrayList<>(history.stream().map(Observation::value).toList());
        GaussianProcess gp = fit(xs, ys);
        while (out.size() < batchSize && !free.isEmpty()) {
            double best = ys.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            int chosen = -1;
            double top = Double.NEGATIVE_INFINITY;
            for (int i : free) {
                double ei = expectedImprovement(gp, encoded.get(i), best);
                if (ei > top) {
                    top = ei;
                    chosen = i;
                }
            }
            out.add(chosen);
            free.remove(Integer.valueOf(chosen));
            believe(xs, ys, encoded.get(chosen), gp);
            if (out.size() < batchSize) {
                gp = GaussianProcess.withHyper(xs.toArray(double[][]::new), unbox(ys), gp.hyper());
            }
        }
        return out;
    }

    /**
     * Refits hyperparameters while data are few, then each time the data grow by a quarter (the likelihood surface
     * changes little between single additions); in between, the last hyperparameters are reused.
     */
    private GaussianProcess fit(List<double[]> xs, List<Double> ys) {
        double[][] x = xs.toArray(double[][]::new);
        double[] y = unbox(ys);
        if (lastHyper == null || xs.size() <= 20 || xs.size() >= lastFitSize * 1.25) {
            GaussianProcess gp = GaussianProcess.fit(x, y, lastHyper, lastHyper == null ? 3 : 1, random);
            lastHyper = gp.hyper();
            lastFitSize = xs.size();
            return gp;
        }
        return GaussianProcess.withHyper(x, y, lastHyper);
    }

    /** The first point, if any, then a Latin hypercube for the rest. */
    private List<double[]> initialDesign() {
        if (firstPoint == null) {
            return space.latinHypercube(initialPoints, random);
        }
        double[] first = space.encode(firstPoint);
        for (int i = 0; i < first.length; i++) {
            first[i] = Math.max(0, Math.min(1, first[i]));
        }
        List<double[]> design = new ArrayList<>();
        design.add(space.snap(first));
        design.addAll(space.latinHypercube(Math.max(1, initialPoints - 1), random));
        return design;
    }

    private static boolean same(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > SAME_POINT) {
                return false;
            }
        }
        return true;
    }

    private double[] maximiseEi(GaussianProcess gp, double best) {
        int samples = 1000 + 200 * space.dimensions();
        List<double[]> top = new ArrayList<>();
        List<Double> topEi = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            double[] x = space.randomUnit(random);
            double ei = expectedImprovement(gp, x, best);
            insertTop(top, topEi, x, ei, 5);
        }
        double[] bestX = top.get(0);
        double bestEi = topEi.get(0);
        for (double[] start : top) {
            double[] x = start.clone();
            double ei = expectedImprovement(gp, x, best);
            double step = 0.1;
            // Coordinate pattern search on the continuous coordinates; one-hot blocks stay as sampled.
            while (step > 1e-3) {
                boolean improved = false;
                for (int j = 0; j < x.length; j++) {
                    if (oneHot(j)) {
                        continue;
                    }
                    for (double dir : new double[] {step, -step}) {
                        double[] y = x.clone();
                        y[j] = Math.max(0, Math.min(1, y[j] + dir));
                        double v = expectedImprovement(gp, y, best);
                        if (v > ei) {
                            x = y;
                            ei = v;
                            improved = true;
                        }
                    }
                }
                if (!improved) {
                    step /= 2;
                }
            }
            if (ei > bestEi) {
                bestEi = ei;
                bestX = x;
            }
        }
        return space.snap(bestX);
    }

    /** Expected improvement over {@code best} (maximisation), in the targets' units. */
    static double expectedImprovement(GaussianProcess gp, double[] x, double best) {
        double[] p = gp.predict(x);
        double sigma = p[1];
        double margin = XI * sigma;
        double z = (p[0] - best - margin) / sigma;
        return (p[0] - best - margin) * NORMAL.cumulativeProbability(z) + sigma * NORMAL.density(z);
    }

    private boolean oneHot(int coordinate) {
        int i = 0;
        for (Parameter p : space.parameters()) {
            if (coordinate < i + p.width()) {
                return p instanceof Parameter.Categorical;
            }
            i += p.width();
        }
        return false;
    }

    private static void believe(List<double[]> xs, List<Double> ys, double[] x, GaussianProcess gp) {
        xs.add(x);
        ys.add(gp.predict(x)[0]);
    }

    private static void insertTop(List<double[]> top, List<Double> topEi, double[] x, double ei, int keep) {
        int at = 0;
        while (at < topEi.size() && topEi.get(at) >= ei) {
            at++;
        }
        if (at < keep) {
            top.add(at, x);
            topEi.add(at, ei);
            if (top.size() > keep) {
                top.remove(keep);
                topEi.remove(keep);
            }
        }
    }

    private static double[] unbox(List<Double> ys) {
        return ys.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
