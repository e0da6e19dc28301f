package org.athanor.safety.fact;

/**
 * A heat step reduced to what the rules compare: peak temperature and fastest ramp in canonical units (°C, °C/min),
 * the gas and its H2 fraction, the crucible. Values that could not be read are NaN and compare false.
 */
public record HeatFact(String stepId, int index, String sample, String instrument, String crucible, int segments,
                       double peakC, double maxRampCPerMin, String gas, double h2Percent, boolean oxidising,
                       boolean reducing) {
}
