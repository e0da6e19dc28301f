package org.athanor.safety.fact;

import java.util.Set;
import java.util.stream.Collectors;
import org.athanor.safety.hazard.FormulaScan;

/**
 * The formulas on the lab's shelf. A material is on the shelf when its composition is, however it is written
 * ("H4N2O3" is the NH4NO3 on the shelf), so a spelling neither hides a stocked hazard nor blocks a stocked reagent.
 */
public record Inventory(Set<String> formulas, Set<String> compositions, String source) {

    public Inventory(Set<String> formulas, String source) {
        this(formulas, formulas.stream().map(FormulaScan::compositionKey).filter(k -> !k.isEmpty()).collect(Collectors.toUnmodifiableSet()), source);
    }

    public boolean holds(String formula) {
        return formulas.contains(formula) || compositions.contains(FormulaScan.compositionKey(formula));
    }
}
