package org.athanor.safety.fact;

import java.util.Set;

/**
 * A precursor as the classification rules see it: what its formula says (elements, metals, non-metals, polyatomic ions,
 * water of crystallisation) and what the hazard table says about it, if it is listed.
 */
public record Material(String formula, boolean readable, boolean elemental, Set<String> elements, Set<String> metals,
                       Set<String> nonMetals, Set<String> ions, boolean hydrate, boolean listed, Set<String> listedGroups,
                       Set<String> ghs, double decompositionOnsetC, double volatilisesAboveC, String source) {
}
