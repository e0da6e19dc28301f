package org.athanor.agent.optimize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The parameters a strategy may choose, and their encoding into the unit cube the Gaussian process works in:
 * bounds map to [0, 1], a categorical parameter to a one-hot block.
 */
public record SearchSpace(List<Parameter> parameters) {

    public SearchSpace {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one parameter");
        }
    }

    public static SearchSpace of(Parameter... parameters) {
        return new SearchSpace(List.of(parameters));
    }

    /** Coordinates in the unit cube. */
    public int dimensions() {
        return parameters.stream().mapToInt(Parameter::width).sum();
    }

    public double[] encode(Map<String, Object> point) {
        double[] x = new double[dimensions()];
        int i = 0;
        for (Parameter p : parameters) {
            Object v = point.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException("point " + point + " has no value for parameter '" + p.name() + "'");
            }
            if (p instanceof Parameter.Continuous c) {
                x[i] = unit(number(p, v), c.low(), c.high());
            } else if (p instanceof Parameter.Whole w) {
                x[i] = unit(number(p, v), w.low(), w.high());
            } else if (p instanceof Parameter.Categorical c) {
                int level = c.levels().indexOf(String.valueOf(v));
                if (level < 0) {
                    throw new IllegalArgumentException("parameter '" + p.name() + "': '" + v + "' is not one of " + c.levels());
                }
                x[i + level] = 1;
            }
            i += p.width();
        }
        return x;
    }

    /** The point nearest to unit-cube coordinates {@code x} (integers rounded, the hottest one-hot level chosen). */
    public Map<String, Object> decode(double[] x) {
        Map<String, Object> point = new LinkedHashMap<>();
        int i = 0;
        for (Parameter p : parameters) {
            if (p instanceof Parameter.Continuous c) {
                point.put(p.name(), c.low() + clamp(x[i]) * (c.high() - c.low()));
            } else if (p instanceof Parameter.Whole w) {
                point.put(p.name(), Math.round(w.low() + clamp(x[i]) * (w.high() - w.low())));
            } else if (p instanceof Parameter.Categorical c) {
                int best = 0;
                for (int k = 1; k < c.levels().size(); k++) {
                    if (x[i + k] > x[i + best]) {
                        best = k;
                    }
                }
                point.put(p.name(), c.levels().get(best));
            }
            i += p.width();
        }
        return point;
    }

    /** A uniformly random valid encoded point (one level hot per categorical). */
    public double[] randomUnit(Random random) {
        double[] x = new double[dimensions()];
        int i = 0;
        for (Parameter p : parameters) {
            if (p instanceof Parameter.Categorical c) {
                x[i + random.nextInt(c.levels().size())] = 1;
            } else {
                x[i] = random.nextDouble();
            }
            i += p.width();
        }
        return x;
    }

    /**
     * {@code n} encoded points of a Latin hypercube (McKay, Beckman &amp; Conover, Technometrics 21 (1979) 239): each
     * numeric coordinate has exactly one point in each of its n equal strata; each categorical cycles its levels in a
     * shuffled order, so every level appears ⌊n/levels⌋ or ⌈n/levels⌉ times.
     */
    public List<double[]> latinHypercube(int n, Random random) {
        List<double[]> points = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            points.add(new double[dimensions()]);
        }
        int i = 0;
        for (Parameter p : parameters) {
            int[] order = permutation(n, random);
            if (p instanceof Parameter.Categorical c) {
                int[] levels = permutation(c.levels().size(), random);
                for (int k = 0; k < n; k++) {
                    points.get(order[k])[i + levels[k % levels.length]] = 1;
                }
            } else {
                for (int k = 0; k < n; k++) {
                    points.get(order[k])[i] = (k + random.nextDouble()) / n;
                }
            }
            i += p.width();
        }
        return points;
    }

    private static int[] permutation(int n, Random random) {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Snaps encoded coordinates onto valid values (integers on their grid, one-hot blocks exact). */
    public double[] snap(double[] x) {
        return encode(decode(x));
    }

    private static double number(Parameter p, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + p.name() + "': '" + v + "' is not a number", e);
        }
    }

    private static double unit(double v, double low, double high) {
        return high == low ? 0.5 : (v - low) / (high - low);
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
