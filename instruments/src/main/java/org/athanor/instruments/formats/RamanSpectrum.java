package org.athanor.instruments.formats;

import java.util.Map;

/** A Raman spectrum: shift in cm⁻¹ (ascending) and intensity, with its laser wavelength and other metadata. */
public record RamanSpectrum(double[] ramanShift, double[] intensity, Map<String, String> metadata) {

    public RamanSpectrum {
        if (ramanShift.length != intensity.length) {
            throw new IllegalArgumentException("shift has " + ramanShift.length + " points but intensity has " + intensity.length);
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public int size() {
        return ramanShift.length;
    }
}
