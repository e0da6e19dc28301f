package org.athanor.safety.hazard;

import java.util.Set;

/**
 * One row of the materials hazard table: what is known about a precursor beyond its formula.
 *
 * @param groups              reactive groups the table states (oxidiser, fuel, water-reactive, self-reactive, water-bearing)
 * @param decompositionOnsetC onset of self-accelerating decomposition on heating, NaN when none
 * @param volatilisesAboveC   temperature above which a toxic vapour is released, NaN when none
 * @param ghs                 GHS hazard statements (H-codes)
 */
public record MaterialHazard(String formula, String name, Set<String> groups, double decompositionOnsetC,
                             double volatilisesAboveC, Set<String> ghs, String source) {

    public MaterialHazard {
        groups = Set.copyOf(groups);
        ghs = Set.copyOf(ghs);
    }
}
