package org.athanor.agent.optimize;

import java.util.Locale;

/** The strategies by the names the CLI uses ({@code --strategy bo|random|grid}). */
public final class Strategies {

    /** Grid levels per numeric parameter: 5 spans bounds, quartiles and the middle. */
    public static final int GRID_LEVELS = 5;

    private Strategies() {
    }

    /**
     * A seed scrambled by SplitMix64's finaliser (Steele, Lea &amp; Flood, OOPSLA 2014), for strategies seeded with small
     * consecutive numbers: {@code new Random(seed)} gives nearly the same first {@code nextDouble()} (0.731) for every
     * small seed, so seeds 1–5 of a campaign benchmark all drew their first point in the same place.
     */
    public static long scrambled(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
