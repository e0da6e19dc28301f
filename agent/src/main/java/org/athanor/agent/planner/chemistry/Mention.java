package org.athanor.agent.planner.chemistry;

import java.util.Map;

/**
 * A substance named in the goal text: where it stands ({@code start}..{@code end}, character offsets), how it was
 * written, and what it is (reduced formula and composition per formula unit) as the notation normaliser read it.
 */
public record Mention(int start, int end, String text, String formula, Map<String, Double> composition, String notation, String name) {

    public Mention {
        composition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(composition)); // formula order: plans are reproducible
    }

    public boolean overlaps(int s, int e) {
        return start < e && s < end;
    }

    /** Same elements in the same ratios (scale-free), so "belite" and "C2S" agree. */
    public boolean sameSubstanceAs(Mention other) {
        return Compositions.sameRatios(composition, other.composition);
    }
}
