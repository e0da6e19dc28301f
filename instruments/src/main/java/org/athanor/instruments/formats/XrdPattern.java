package org.athanor.instruments.formats;

import java.util.Map;

/**
 * A measured or simulated powder pattern: 2θ in degrees (ascending) and intensity in counts,
 * with what is known of how it was taken (radiation, source file, sample).
 */
public record XrdPattern(double[] twoTheta, double[] intensity, Map<String, String> metadata) {

    public XrdPattern {
        if (twoTheta.length != intensity.length) {
            throw new IllegalArgumentException("2θ has " + twoTheta.length + " points but intensity has " + intensity.length);
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public int size() {
        return twoTheta.length;
    }

    /** The same pattern with one metadata entry set (e.g. the {@code countTime} per point a file did not record). */
    public XrdPattern withMetadata(String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(metadata);
        m.put(key, value);
        return new XrdPattern(twoTheta, intensity, m);
    }

    /** Radiation name as in metadata ("CuKa", "CuKa1", ...), defaulting to Cu Kα. */
    public String radiation() {
        return metadata.getOrDefault("radiation", "CuKa");
    }
}
