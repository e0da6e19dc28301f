package org.athanor.agent.planner.chemistry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner needs from the materials core (org.athanor.materials): reading substances in text, precursor
 * knowledge and stoichiometry. One seam, so the planner never parses formulas or computes molar masses itself.
 */
public interface Chemistry {

    /** Every substance named in {@code text} (formulas, oxide sums, cement notation, names, abbreviations), in order. */
    List<Mention> findInText(String text);

    /** One substance written alone ("BaCO3", "barium carbonate", "C2S"); empty when it cannot be read. */
    Optional<Mention> read(String substance);

    /** Molar mass in g/mol of a composition. */
    double molarMass(Map<String, Double> composition);

    /** Precursors the lab's precursor table offers for an element, in the table's order of preference. */
    List<PrecursorOption> precursorsFor(String element);

    /** What heating a precursor releases (CO2, H2O, NH3, NOx, SO3...), and its hazard classes; empty when unknown. */
    Optional<PrecursorOption> precursor(String formula);
}
