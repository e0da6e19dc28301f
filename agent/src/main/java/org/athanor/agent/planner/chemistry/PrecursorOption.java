package org.athanor.agent.planner.chemistry;

import java.util.List;
import java.util.Map;

/** A reagent from the precursor table: its formula, composition, what it releases on heating and its hazard classes. */
public record PrecursorOption(String formula, Map<String, Double> composition, List<String> releases, List<String> hazards) {

    public PrecursorOption {
        composition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(composition)); // formula order: plans are reproducible
        releases = List.copyOf(releases);
        hazards = List.copyOf(hazards);
    }

    public boolean contains(String element) {
        return composition.containsKey(element);
    }

    /** True when the table classes it as an oxidiser (nitrates, chlorates, peroxides...). */
    public boolean isOxidiser() {
        return hazards.stream().anyMatch(h -> h.toLowerCase(java.util.Locale.ROOT).contains("oxidi"));
    }
}
