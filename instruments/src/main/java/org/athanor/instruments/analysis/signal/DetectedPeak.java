package org.athanor.instruments.analysis.signal;

/**
 * A peak found in a background-corrected signal.
 *
 * @param position     centre on the signal's axis (2θ in degrees, Raman shift in cm⁻¹), refined between samples
 * @param height       net height above the background
 * @param fwhm         full width at half maximum, on the same axis
 * @param significance net height in units of the local noise standard deviation
 */
public record DetectedPeak(double position, double height, double fwhm, double significance) {
}
