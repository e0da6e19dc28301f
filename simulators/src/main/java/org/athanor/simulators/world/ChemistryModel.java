package org.athanor.simulators.world;

import java.util.Map;
import java.util.Set;
import org.athanor.workflow.Atmosphere;

/**
 * The hidden ground truth of one target chemistry: which precursors it consumes, how its progress variables advance
 * with temperature, time and atmosphere, and which phases (in moles) a given progress means.
 * Parameters and their sources are listed in {@code simulators/WORLD.md}.
 */
interface ChemistryModel {

    /** A human name, e.g. "BaTiO3 from BaCO3 + TiO2 via Ba2TiO4". */
    String name();

    /** The product it makes, as a formula ("BaTiO3"). */
    String product();

    /** Every precursor formula this chemistry accounts for (alternatives for one element included). */
    Set<String> precursors();

    /** Whether the chemistry applies to a sample holding these precursors (by default: all of {@link #precursors}). */
    default boolean accepts(Set<String> dispensed) {
        return dispensed.containsAll(precursors());
    }

    /** Advances the sample's progress variables by {@code hours} at {@code temperatureC} under {@code atmosphere}. */
    void expose(Sample sample, double temperatureC, Atmosphere atmosphere, double hours);

    /** Moles of every solid phase now (precursors not yet consumed included). */
    Map<String, Double> phaseMoles(Sample sample);

    /** Grain size a freshly formed crystal of this phase starts at, nm. */
    default double initialCrystalliteNm(String phase) {
        return precursors().contains(phase) ? 120 : 25;
    }
}
