package org.athanor.safety.fact;

/** A Raman measurement: laser line (nm) and power at the sample (mW, NaN when not given). */
public record RamanFact(String stepId, String instrument, double wavelengthNm, double powerMw) {
}
