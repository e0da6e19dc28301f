package org.athanor.crystal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One powder peak: all reflections at the same 2θ (within 1e-5°), as pymatgen merges them.
 *
 * @param twoThetaDeg         peak position, degrees 2θ
 * @param dSpacing            d, Å
 * @param families            the hkl families on the peak, in order of appearance
 * @param multiplicity        number of reflections summed (all families)
 * @param structureFactorSq   mean |F|² per reflection (electrons²)
 * @param lorentzPolarization (1 + cos²2θ)/(sin²θ·cosθ)
 * @param intensity           Σ |F|²·LP over the reflections (absolute, per cell)
 * @param relativeIntensity   intensity scaled so the strongest peak in the computed range is 100
 */
public record Reflection(double twoThetaDeg, double dSpacing, List<HklFamily> families, int multiplicity,
                         double structureFactorSq, double lorentzPolarization, double intensity,
                         double relativeIntensity) {

    public Reflection {
        families = List.copyOf(families);
    }

    /** Family labels joined with ';' as in the reference peak lists: {@code 300;221}. */
    public String hklLabel() {
        return families.stream().map(HklFamily::label).collect(Collectors.joining(";"));
    }
}
