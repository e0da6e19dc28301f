package org.athanor.workflow;

import org.athanor.units.Units;

/**
 * A number with its unit, exactly as written in a workflow ("1200" "°C", "2" "g").
 * Conversions go through {@link Units}, so °C, K and °F compare correctly after conversion.
 */
public record Quantity(double value, String unit) {

    public Quantity {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a quantity needs a unit (value " + value + ")");
        }
    }

    public static Quantity of(double value, String unit) {
        return new Quantity(value, unit);
    }

    /** The value expressed in {@code targetUnit}; throws {@link org.athanor.units.UnitException} if the dimensions differ. */
    public double in(String targetUnit) {
        return Units.convert(value, unit, targetUnit);
    }

    public double celsius() {
        return in("°C");
    }

    public double grams() {
        return in("g");
    }

    public double minutes() {
        return in("min");
    }

    public double hours() {
        return in("h");
    }

    /** Ramp rate in °C/min (identical to K/min). */
    public double celsiusPerMinute() {
        return in("°C/min");
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFinite() {
        return Double.isFinite(value);
    }

    @Override
    public String toString() {
        return Units.format(value) + " " + unit;
    }
}
