package org.athanor.safety.lab;

/**
 * A crucible material's limits (decision-table data, {@code crucibles.csv}). NaN: no limit of the crucible's own.
 *
 * @param maxOxidisingTemperatureC limit in air, O2 or CO2 (graphite burns, boron nitride oxidises)
 * @param reducingAllowed          false for platinum, which takes up hydrogen
 * @param capacityG                total powder one crucible holds
 */
public record CrucibleSpec(String material, double maxTemperatureC, double maxOxidisingTemperatureC,
                           boolean reducingAllowed, double capacityG, String source) {
}
