package org.athanor.agent.optimize;

import java.util.List;

/** One dimension of a {@link SearchSpace}: continuous or integer with bounds, or categorical with levels. */
public sealed interface Parameter {

    String name();

    /** How many coordinates the parameter takes in the optimiser's unit cube (one-hot for categorical). */
    int width();

    record Continuous(String name, double low, double high) implements Parameter {
        public Continuous {
            requireBounds(name, low, high);
        }

        @Override
        public int width() {
            return 1;
        }
    }

    record Whole(String name, long low, long high) implements Parameter {
        public Whole {
            requireBounds(name, low, high);
        }

        @Override
        public int width() {
            return 1;
        }
    }

    record Categorical(String name, List<String> levels) implements Parameter {
        public Categorical {
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("categorical parameter '" + name + "' needs at least one level");
            }
        }

        @Override
        public int width() {
            return levels.size();
        }
    }

    private static void requireBounds(String name, double low, double high) {
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("parameter '" + name + "': bounds must be finite with low <= high, were " + low + ", " + high);
        }
    }
}
