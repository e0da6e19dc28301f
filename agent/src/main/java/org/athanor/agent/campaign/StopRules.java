package org.athanor.agent.campaign;

/**
 * When a campaign ends: the target phase fraction is reached, the experiment budget is spent, or the best result has
 * not improved by at least {@code minImprovement} over the last {@code patience} experiments.
 */
public record StopRules(int budget, double targetFraction, int patience, double minImprovement) {

    /**
     * Phase-pure by XRD means ≥ 95 % target phase. Five experiments without a 1-point gain is a plateau: fewer would
     * stop Bayesian optimisation before its model has seen more than its few space-filling starting points.
     */
    public static final StopRules DEFAULT = new StopRules(12, 0.95, 5, 0.01);

    public StopRules {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1 experiment, was " + budget);
        }
        if (!(targetFraction > 0 && targetFraction <= 1)) {
            throw new IllegalArgumentException("target phase fraction must be in (0, 1], was " + targetFraction);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1 experiment, was " + patience);
        }
    }

    public StopRules withBudget(int newBudget) {
        return new StopRules(newBudget, targetFraction, patience, minImprovement);
    }

    public StopRules withTargetFraction(double fraction) {
        return new StopRules(budget, fraction, patience, minImprovement);
    }
}
