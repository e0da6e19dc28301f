package org.athanor.agent.planner.chemistry;

import java.util.Map;

/**
 * A substance named in the goal text: where it stands ({@code start}..{@code end}, character offsets), how it was
 * written, and what it is (reduced formula and composition per formula unit) as the notation normaliser read it.
 * {@code conventionalFormula} is the same composition as chemists write it: a name's formula as the name table writes
 * it (gahnite ZnAl2O4, canonically Al2ZnO4), else {@code formula}.
 */
public record Mention(int start, int end, String text, String formula, Map<String, Double> composition, String notation, String name,
                      String conventionalFormula) {

    public Mention {
        composition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(composition)); // formula order: plans are reproducible
        conventionalFormula = conventionalFormula == null ? formula : conventionalFormula;
    }

    public Mention(int start, int end, String text, String formula, Map<String, Double> composition, String notation, String name) {
        this(start, end, text, formula, composition, notation, name, null);
    }

    public boolean overlaps(int s, int e) {
        return start < e && s < end;
    }

    /** Same elements in the same ratios (scale-free), so "belite" and "C2S" agree. */
    public boolean sameSubstanceAs(Mention other) {
        return Compositions.sameRatios(composition, other.composition);
    }
}
