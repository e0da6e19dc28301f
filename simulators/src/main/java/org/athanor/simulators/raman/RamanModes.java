package org.athanor.simulators.raman;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each phase's Raman modes and relative cross-section, read from {@code modes.csv} (sources given per line). */
public final class RamanModes {

    /** One Lorentzian line: position and width in cm⁻¹, intensity relative to the phase's strongest (100). */
    public record Mode(double shiftCm1, double relativeIntensity, double fwhmCm1) {
    }

    private final Map<String, List<Mode>> modes;
    private final Map<String, Double> strength;

    private RamanModes(Map<String, List<Mode>> modes, Map<String, Double> strength) {
        this.modes = modes;
        this.strength = strength;
    }

    public static RamanModes load() {
        Map<String, List<Mode>> modes = new LinkedHashMap<>();
        Map<String, Double> strength = new LinkedHashMap<>();
        try (InputStream in = RamanModes.class.getResourceAsStream("modes.csv")) {
            if (in == null) {
                throw new IllegalStateException("modes.csv is missing from the simulators jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 5);
                try {
                    if (f[1].equals("strength")) {
                        strength.put(f[0], Double.parseDouble(f[2]));
                    } else {
                        modes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(
                                new Mode(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalStateException("modes.csv line " + number + ": cannot read '" + line + "'", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RamanModes(modes, strength);
    }

    public List<Mode> of(String phase) {
        return modes.getOrDefault(phase, List.of());
    }

    public double strength(String phase) {
        return strength.getOrDefault(phase, 0.0);
    }
}
