package org.athanor.agent.optimize;

import java.util.Locale;

/** The strategies by the names the CLI uses ({@code --strategy bo|random|grid}). */
public final class Strategies {

    /** Grid levels per numeric parameter: 5 spans bounds, quartiles and the middle. */
    public static final int GRID_LEVELS = 5;

    private Strategies() {
    }

    public static Strategy create(String name, SearchSpace space, long seed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "bo" -> new BayesianOptimisation(space, seed);
            case "random" -> new RandomStrategy(space, seed);
            case "grid" -> new GridStrategy(space, GRID_LEVELS);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "' (bo, random or grid)");
        };
    }
}
