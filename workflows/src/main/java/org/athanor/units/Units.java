package org.athanor.units;

import java.util.Locale;
import java.util.Map;

/**
 * Unit conversion for the units a workflow uses. Temperatures convert affinely (°C, K, °F);
 * temperature differences per time (ramps) convert linearly, so 1 °C/min = 1 K/min = 1.8 °F/min.
 */
public final class Units {

    /** A unit: its dimension, scale to the dimension's base unit, and offset (for affine temperature scales). */
    private record Unit(String dimension, double scale, double offset) {
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("g", new Unit("mass", 1, 0)),
            Map.entry("mg", new Unit("mass", 1e-3, 0)),
            Map.entry("kg", new Unit("mass", 1e3, 0)),
            Map.entry("°C", new Unit("temperature", 1, 273.15)),
            Map.entry("K", new Unit("temperature", 1, 0)),
            Map.entry("°F", new Unit("temperature", 5.0 / 9.0, 273.15 - 32 * 5.0 / 9.0)),
            Map.entry("s", new Unit("time", 1, 0)),
            Map.entry("min", new Unit("time", 60, 0)),
            Map.entry("h", new Unit("time", 3600, 0)),
            Map.entry("°C/min", new Unit("ramp", 1, 0)),
            Map.entry("K/min", new Unit("ramp", 1, 0)),
            Map.entry("°C/h", new Unit("ramp", 1.0 / 60, 0)),
            Map.entry("K/h", new Unit("ramp", 1.0 / 60, 0)),
            Map.entry("°C/s", new Unit("ramp", 60, 0)),
            Map.entry("°F/min", new Unit("ramp", 5.0 / 9.0, 0)),
            Map.entry("deg", new Unit("angle", 1, 0)),
            Map.entry("rad", new Unit("angle", 180 / Math.PI, 0)),
            Map.entry("nm", new Unit("length", 1, 0)),
            Map.entry("Å", new Unit("length", 0.1, 0)),
            Map.entry("cm-1", new Unit("wavenumber", 1, 0)),
            Map.entry("mW", new Unit("power", 1, 0)),
            Map.entry("W", new Unit("power", 1e3, 0)),
            Map.entry("mL/min", new Unit("flow", 1, 0)),
            Map.entry("L/min", new Unit("flow", 1e3, 0)),
            Map.entry("sccm", new Unit("flow", 1, 0)),
            Map.entry("%", new Unit("fraction", 0.01, 0)));

    private Units() {
    }

    /** The canonical spelling of a unit as users type it ("degC", "C", "celsius" → "°C"; "hours" → "h"). */
    public static String canonical(String unit) {
        String u = unit.trim();
        String l = u.toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (l) {
            case "°c", "degc", "c", "celsius", "ºc", "℃" -> "°C";
            case "k", "kelvin" -> "K";
            case "°f", "degf", "f", "fahrenheit", "ºf", "℉" -> "°F";
            case "g", "gram", "grams" -> "g";
            case "mg", "milligram", "milligrams" -> "mg";
            case "kg", "kilogram", "kilograms" -> "kg";
            case "s", "sec", "secs", "second", "seconds" -> "s";
            case "min", "mins", "minute", "minutes" -> "min";
            case "h", "hr", "hrs", "hour", "hours" -> "h";
            case "°c/min", "degc/min", "c/min", "°cmin-1", "°c/minute" -> "°C/min";
            case "k/min", "kmin-1", "k/minute" -> "K/min";
            case "°c/h", "degc/h", "c/h", "°c/hr" -> "°C/h";
            case "k/h" -> "K/h";
            case "°c/s", "degc/s", "c/s" -> "°C/s";
            case "°f/min", "degf/min", "f/min" -> "°F/min";
            case "deg", "°", "degree", "degrees" -> "deg";
            case "cm-1", "cm^-1", "cm⁻¹", "1/cm" -> "cm-1";
            case "ml/min" -> "mL/min";
            case "l/min" -> "L/min";
            case "a", "å", "angstrom" -> "Å";
            default -> u;
        };
    }

    public static boolean isKnown(String unit) {
        return unit != null && UNITS.containsKey(canonical(unit));
    }

    /** The dimension name of a unit: mass, temperature, time, ramp, angle, length, wavenumber, power, flow, fraction. */
    public static String dimension(String unit) {
        return lookup(unit).dimension();
    }

    public static double convert(double value, String from, String to) {
        if (canonical(from).equals(canonical(to)) && isKnown(from)) {
            return value;
        }
        Unit f = lookup(from);
        Unit t = lookup(to);
        if (!f.dimension().equals(t.dimension())) {
            throw new UnitException("cannot convert " + format(value) + " " + from + " (" + f.dimension() + ") to " + to + " (" + t.dimension() + ")");
        }
        double base = value * f.scale() + f.offset();
        return (base - t.offset()) / t.scale();
    }

    private static Unit lookup(String unit) {
        if (unit == null) {
            throw new UnitException("missing unit");
        }
        Unit u = UNITS.get(canonical(unit));
        if (u == null) {
            throw new UnitException("unknown unit '" + unit + "'");
        }
        return u;
    }

    /** A number without a needless trailing ".0". */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.valueOf(value);
    }
}
