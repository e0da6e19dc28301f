package org.athanor.simulators.world;

/** One stay of a sample in a furnace: where, how hot at most, for how long, under which gas. */
public record HeatRecord(String furnace, double maxTemperatureC, double hours, String atmosphere) {
}
