package org.athanor.agent.planner.chemistry;

import java.util.Map;

/** Comparisons of compositions (element → amount) that do not depend on how a formula unit was written. */
public final class Compositions {

    private Compositions() {
    }

    /** True when both have the same elements in the same ratios within 0.1 %. */
    public static boolean sameRatios(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || !a.keySet().equals(b.keySet())) {
            return false;
        }
        String pivot = a.keySet().iterator().next();
        double scale = b.get(pivot) / a.get(pivot);
        return a.entrySet().stream().allMatch(e -> Math.abs(b.get(e.getKey()) - e.getValue() * scale) <= 1e-3 * b.get(e.getKey()));
    }

}
