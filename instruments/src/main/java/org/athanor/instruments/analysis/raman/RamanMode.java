package org.athanor.instruments.analysis.raman;

/** One reference Raman band of a phase: shift in cm⁻¹, strength relative to the phase's strongest band. */
public record RamanMode(double shift, double relativeIntensity, String assignment, String source) {
}
