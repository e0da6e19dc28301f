package org.athanor.materials;

import java.util.List;

/**
 * What an input means: its canonical reduced formula and composition, the notation it was read in, a name when one
 * is known, and other readings when the input is ambiguous ("lime" → CaO; alternatives CaCO3, Ca(OH)2).
 *
 * @param input        exactly what was given
 * @param formula      canonical reduced formula ({@link Composition#reducedFormula()})
 * @param composition  reduced composition (the ratio of elements; Na2O·Al2O3·2SiO2 gives NaAlSiO4)
 * @param notation     the notation read (never AUTO)
 * @param name         a name for the material, null when none is known
 * @param alternatives canonical formulas of other readings, empty when unambiguous
 * @param conventionalFormula the formula as chemists write the material, same composition: a name's formula as the
 *                     name table or the systematic name writes it (gahnite ZnAl2O4, where the canonical order gives
 *                     Al2ZnO4), else the canonical formula
 */
public record NormalizedFormula(String input, String formula, Composition composition, Notation notation, String name,
                                List<String> alternatives, String conventionalFormula) {

    public NormalizedFormula {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        conventionalFormula = conventionalFormula == null ? formula : conventionalFormula;
    }

    public NormalizedFormula(String input, String formula, Composition composition, Notation notation, String name, List<String> alternatives) {
        this(input, formula, composition, notation, name, alternatives, null);
    }

    public boolean isAmbiguous() {
        return !alternatives.isEmpty();
    }
}
