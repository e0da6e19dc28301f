package org.athanor.safety;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.units.UnitException;
import org.athanor.units.Units;

/**
 * Conversions through {@link Units}, remembered per unit pair. Every unit a workflow uses converts affinely
 * (y = offset + scale·x: °F→°C, K/min→°C/min, mg→g), so two conversions by {@link Units} fix the map and a third
 * checks it; a pair that is not affine is always converted by {@link Units} itself. This keeps the gate fast while
 * {@link Units} stays the one source of truth for every factor.
 */
final class UnitConversions {

    /** offset and scale of one affine conversion, or null when the pair must go through Units every time. */
    private record Affine(double offset, double scale) {
    }

    private static final Affine NOT_AFFINE = new Affine(Double.NaN, Double.NaN);

    private final Map<String, String> dimensions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Affine>> conversions = new ConcurrentHashMap<>();

    /** The unit's dimension, or "unknown". */
    String dimension(String unit) {
        if (unit == null) {
            return "unknown";
        }
        String known = dimensions.get(unit);
        if (known != null) {
            return known;
        }
        String d = Units.isKnown(unit) ? Units.dimension(unit) : "unknown";
        if (dimensions.size() < 1_000) {
            dimensions.put(unit, d);
        }
        return d;
    }

    /** {@code value} in {@code to}; throws {@link UnitException} when the dimensions differ. */
    double convert(double value, String from, String to) {
        // Keyed by target, then source unit: the targets are the gate's few canonical units, and two lookups of
        // existing strings cost less than building a pair key on every conversion.
        Map<String, Affine> fromUnits = conversions.get(to);
        if (fromUnits == null) {
            if (conversions.size() >= 100) {
                return Units.convert(value, from, to);
            }
            fromUnits = conversions.computeIfAbsent(to, t -> new ConcurrentHashMap<>());
        }
        Affine a = fromUnits.get(from);
        if (a == null) {
            a = fit(from, to);
            if (fromUnits.size() < 1_000) {
                fromUnits.put(from, a);
            }
        }
        return a == NOT_AFFINE ? Units.convert(value, from, to) : a.offset() + a.scale() * value;
    }

    private static Affine fit(String from, String to) {
        double y0 = Units.convert(0, from, to);
        double scale = Units.convert(1000, from, to) / 1000 - y0 / 1000;
        double check = Units.convert(37, from, to);
        return Math.abs(y0 + scale * 37 - check) <= 1e-9 * Math.max(1, Math.abs(check)) ? new Affine(y0, scale) : NOT_AFFINE;
    }
}
