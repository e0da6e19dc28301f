package org.athanor.instruments.config;

import java.util.List;

/**
 * A crucible material the lab stocks: its highest service temperature (null when only the furnace limits it), the
 * atmospheres it must not see above a temperature, and its powder capacity. Numbers and reasons: RULES.md §2.
 */
public record CrucibleSpec(String material, Double maxTemperatureC, Double capacityG, List<Restriction> restrictions, String source) {

    /** "Not in {@code atmospheres} above {@code aboveC}", e.g. graphite in air above 400 °C. */
    public record Restriction(List<String> atmospheres, Double aboveC, String reason) {
    }
}
