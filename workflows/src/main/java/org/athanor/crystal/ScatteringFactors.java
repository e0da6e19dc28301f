package org.athanor.crystal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Atomic X-ray scattering factors f(s) = Z − 41.78214·s²·Σ aᵢ·exp(−bᵢ·s²), s = sinθ/λ (Å⁻¹), with pymatgen's
 * coefficients ({@code atomic_scattering_params.json}, MIT; see the README beside it). No anomalous dispersion, as in
 * pymatgen, so results compare with its reference patterns.
 */
final class ScatteringFactors {

    private static final Map<String, double[]> COEFFICIENTS = load();

    private ScatteringFactors() {
    }

    private static Map<String, double[]> load() {
        try (InputStream in = ScatteringFactors.class.getResourceAsStream("atomic_scattering_params.json")) {
            if (in == null) {
                throw new IllegalStateException("missing atomic_scattering_params.json");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, double[]> map = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double[] c = new double[8];
                for (int i = 0; i < 4; i++) {
                    c[2 * i] = e.getValue().get(i).get(0).asDouble();
                    c[2 * i + 1] = e.getValue().get(i).get(1).asDouble();
                }
                map.put(e.getKey(), c);
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean has(String element) {
        return COEFFICIENTS.containsKey(element);
    }

    /** f at s² = (sinθ/λ)² for an element. */
    static double f(String element, double s2) {
        double[] c = COEFFICIENTS.get(element);
        if (c == null) {
            throw new IllegalArgumentException("no X-ray scattering factor for element " + element);
        }
        double sum = c[0] * Math.exp(-c[1] * s2) + c[2] * Math.exp(-c[3] * s2)
                + c[4] * Math.exp(-c[5] * s2) + c[6] * Math.exp(-c[7] * s2);
        return ElementData.atomicNumber(element) - 41.78214 * s2 * sum;
    }
}
