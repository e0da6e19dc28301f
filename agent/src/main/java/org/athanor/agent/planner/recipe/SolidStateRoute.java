package org.athanor.agent.planner.recipe;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner's route can make: mixed powders fired in air, O2, N2, Ar or a few percent H2, which gives oxides
 * and oxysalts (and halides from halides). Products that need another chemistry are named and refused, never planned
 * as an oxide firing that cannot yield them.
 */
final class SolidStateRoute {

    private static final Set<String> HALOGENS = Set.of("F", "Cl", "Br", "I");
    private static final Set<String> CHALCOGENS_AND_PNICTOGENS = Set.of("S", "Se", "Te", "P", "As", "Sb");

    private SolidStateRoute() {
    }

    /** Why the route cannot make this composition, or empty when it can. */
    static Optional<String> cannotMake(String formula, Map<String, Double> composition) {
        Set<String> e = composition.keySet();
        String route = "; the planner plans solid-state firings of powders to oxides, oxysalts and halides only";
        if (e.size() == 1) {
            return Optional.of(formula + " is an element: a metal or element is made by reduction or another route, not by firing its oxide or salts" + route);
        }
        if (e.contains("H")) {
            return Optional.of(formula + " contains hydrogen (a hydrate, hydroxide or organic compound): firing drives water and organics off, so the route cannot make it" + route);
        }
        if (e.contains("O") || e.stream().anyMatch(HALOGENS::contains)) {
            return Optional.empty();
        }
        if (e.contains("C")) {
            return Optional.of(formula + " is a carbide: it needs carbothermal reduction or direct reaction with carbon in a sealed or inert setup" + route);
        }
        if (e.contains("N")) {
            return Optional.of(formula + " is a nitride: it needs nitridation (NH3, or N2 with a reductant at high temperature)" + route);
        }
        if (e.stream().anyMatch(CHALCOGENS_AND_PNICTOGENS::contains)) {
            return Optional.of(formula + " is a sulfide, selenide, telluride, phosphide or arsenide (or a glass of one): it needs sealed ampoules or a reactive gas, and air oxidises it" + route);
        }
        return Optional.of(formula + " is an alloy or intermetallic compound: it is made by melting the metals, not by firing powders in a furnace atmosphere" + route);
    }
}
