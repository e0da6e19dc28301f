package org.athanor.units;

import static javax.measure.MetricPrefix.CENTI;
import static javax.measure.MetricPrefix.KILO;
import static javax.measure.MetricPrefix.MEGA;
import static javax.measure.MetricPrefix.MICRO;
import static javax.measure.MetricPrefix.MILLI;
import static javax.measure.MetricPrefix.NANO;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.measure.IncommensurableException;
import javax.measure.Unit;
import javax.measure.UnconvertibleException;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.function.RationalNumber;

/**
 * Unit conversion for the units a workflow uses, on the JSR 385 reference implementation (Indriya).
 *
 * <p>Each unit has a canonical spelling ("°C", "K/min", "mL/min", "cm-1"), a dimension name used to refuse mixing
 * (mass, temperature, time, ramp, angle, length, wavenumber, power, flow, volume, pressure, amount, fraction), and an
 * Indriya unit that does the arithmetic. Temperatures convert affinely (°C, K, °F); a ramp is a temperature
 * <em>difference</em> per time, so 1 °C/min = 1 K/min = 1.8 °F/min. {@link #canonical(String)} accepts the spellings
 * users type: "degC", "C", "celsius", "°C min-1", "K·min⁻¹", "°C per minute", "hours", "ml min-1", "1/cm".
 */
public final class Units {

    private record Entry(String dimension, Unit<?> unit) {
    }

    /** Exact 5/9 so that 100 °C is exactly 212 °F. */
    private static final Unit<?> RANKINE = tech.units.indriya.unit.Units.KELVIN.multiply(RationalNumber.of(5, 9));
    private static final Unit<?> FAHRENHEIT = RANKINE.shift(RationalNumber.of(45967, 100));
    private static final Unit<?> DEGREE_ANGLE = tech.units.indriya.unit.Units.RADIAN.multiply(Math.PI / 180);
    private static final Unit<?> MILLILITRE = MILLI(tech.units.indriya.unit.Units.LITRE);
    private static final Unit<?> MINUTE = tech.units.indriya.unit.Units.MINUTE;
    private static final Unit<?> HOUR = tech.units.indriya.unit.Units.HOUR;
    private static final Unit<?> SECOND = tech.units.indriya.unit.Units.SECOND;
    private static final Unit<?> KELVIN = tech.units.indriya.unit.Units.KELVIN;

    private static final Map<String, Entry> UNITS = new LinkedHashMap<>();

    static {
        var u = new Object() {
            void add(String name, String dimension, Unit<?> unit) {
                UNITS.put(name, new Entry(dimension, unit));
            }
        };
        u.add("g", "mass", tech.units.indriya.unit.Units.GRAM);
        u.add("mg", "mass", MILLI(tech.units.indriya.unit.Units.GRAM));
        u.add("µg", "mass", MICRO(tech.units.indriya.unit.Units.GRAM));
        u.add("kg", "mass", tech.units.indriya.unit.Units.KILOGRAM);
        u.add("t", "mass", tech.units.indriya.unit.Units.KILOGRAM.multiply(1000)); // the tonne (BIPM SI Brochure, Table 8)
        u.add("°C", "temperature", tech.units.indriya.unit.Units.CELSIUS);
        u.add("K", "temperature", KELVIN);
        u.add("°F", "temperature", FAHRENHEIT);
        u.add("s", "time", SECOND);
        u.add("min", "time", MINUTE);
        u.add("h", "time", HOUR);
        u.add("d", "time", tech.units.indriya.unit.Units.DAY);
        // A ramp is a temperature difference per time: °C and K steps are the same size, so both map to K/time.
        for (String t : new String[] {"°C", "K", "°F"}) {
            Unit<?> step = t.equals("°F") ? RANKINE : KELVIN;
            u.add(t + "/s", "ramp", step.divide(SECOND));
            u.add(t + "/min", "ramp", step.divide(MINUTE));
            u.add(t + "/h", "ramp", step.divide(HOUR));
        }
        u.add("deg", "angle", DEGREE_ANGLE);
        u.add("rad", "angle", tech.units.indriya.unit.Units.RADIAN);
        u.add("mrad", "angle", MILLI(tech.units.indriya.unit.Units.RADIAN));
        u.add("pm", "length", tech.units.indriya.unit.Units.METRE.prefix(javax.measure.MetricPrefix.PICO));
        u.add("Å", "length", NANO(tech.units.indriya.unit.Units.METRE).divide(10));
        u.add("nm", "length", NANO(tech.units.indriya.unit.Units.METRE));
        u.add("µm", "length", MICRO(tech.units.indriya.unit.Units.METRE));
        u.add("mm", "length", MILLI(tech.units.indriya.unit.Units.METRE));
        u.add("cm", "length", CENTI(tech.units.indriya.unit.Units.METRE));
        u.add("m", "length", tech.units.indriya.unit.Units.METRE);
        u.add("cm-1", "wavenumber", AbstractUnit.ONE.divide(CENTI(tech.units.indriya.unit.Units.METRE)));
        u.add("mW", "power", MILLI(tech.units.indriya.unit.Units.WATT));
        u.add("W", "power", tech.units.indriya.unit.Units.WATT);
        u.add("kW", "power", KILO(tech.units.indriya.unit.Units.WATT));
        // sccm / slm are volumes at standard conditions per minute; the gas line meters them as such, so they are
        // treated as mL/min and L/min of standard gas.
        u.add("mL/min", "flow", MILLILITRE.divide(MINUTE));
        u.add("sccm", "flow", MILLILITRE.divide(MINUTE));
        u.add("L/min", "flow", tech.units.indriya.unit.Units.LITRE.divide(MINUTE));
        u.add("slm", "flow", tech.units.indriya.unit.Units.LITRE.divide(MINUTE));
        u.add("mL/s", "flow", MILLILITRE.divide(SECOND));
        u.add("L/h", "flow", tech.units.indriya.unit.Units.LITRE.divide(HOUR));
        u.add("µL", "volume", MICRO(tech.units.indriya.unit.Units.LITRE));
        u.add("mL", "volume", MILLILITRE);
        u.add("L", "volume", tech.units.indriya.unit.Units.LITRE);
        u.add("Pa", "pressure", tech.units.indriya.unit.Units.PASCAL);
        u.add("kPa", "pressure", KILO(tech.units.indriya.unit.Units.PASCAL));
        u.add("MPa", "pressure", MEGA(tech.units.indriya.unit.Units.PASCAL));
        u.add("mbar", "pressure", tech.units.indriya.unit.Units.PASCAL.multiply(100));
        u.add("bar", "pressure", tech.units.indriya.unit.Units.PASCAL.multiply(100_000));
        // Standard atmosphere and torr by definition (BIPM SI Brochure, 9th ed., Table 8 note): 101 325 Pa, 1/760 atm.
        u.add("atm", "pressure", tech.units.indriya.unit.Units.PASCAL.multiply(101_325));
        u.add("Torr", "pressure", tech.units.indriya.unit.Units.PASCAL.multiply(101_325.0 / 760));
        u.add("mol", "amount", tech.units.indriya.unit.Units.MOLE);
        u.add("mmol", "amount", MILLI(tech.units.indriya.unit.Units.MOLE));
        u.add("%", "fraction", tech.units.indriya.unit.Units.PERCENT);
        // Composition percentages: the basis (mole, mass, atom) is part of the spelling, the scale is the same.
        u.add("mol%", "fraction", tech.units.indriya.unit.Units.PERCENT);
        u.add("wt%", "fraction", tech.units.indriya.unit.Units.PERCENT);
        u.add("at%", "fraction", tech.units.indriya.unit.Units.PERCENT);
        u.add("ppm", "fraction", AbstractUnit.ONE.divide(1_000_000));
        u.add("1", "fraction", AbstractUnit.ONE);
    }

    private Units() {
    }

    /** The canonical spelling of a unit as users type it ("degC", "C", "celsius" → "°C"; "°C min-1" → "°C/min"). */
    public static String canonical(String unit) {
        return UnitSpelling.canonical(unit);
    }

    public static boolean isKnown(String unit) {
        return unit != null && UNITS.containsKey(canonical(unit));
    }

    /** The dimension name of a unit: mass, temperature, time, ramp, angle, length, wavenumber, power, flow, ... */
    public static String dimension(String unit) {
        return lookup(unit).dimension();
    }

    /** The Indriya unit behind a spelling, for code that wants JSR 385 quantities. */
    public static Unit<?> jsr385(String unit) {
        return lookup(unit).unit();
    }

    /** Every canonical unit spelling this class knows. */
    public static java.util.Set<String> known() {
        return java.util.Collections.unmodifiableSet(UNITS.keySet());
    }

    public static double convert(double value, String from, String to) {
        if (canonical(from).equals(canonical(to)) && isKnown(from)) {
            return value; // no round trip through kelvin: 1000 °C stays exactly 1000 °C
        }
        Entry f = lookup(from);
        Entry t = lookup(to);
        if (!f.dimension().equals(t.dimension())) {
            throw new UnitException("cannot convert " + format(value) + " " + from + " (" + f.dimension() + ") to " + to
                    + " (" + t.dimension() + ")");
        }
        try {
            return f.unit().getConverterToAny(t.unit()).convert(value);
        } catch (IncommensurableException | UnconvertibleException e) {
            throw new UnitException("cannot convert " + from + " to " + to + ": " + e.getMessage());
        }
    }

    private static Entry lookup(String unit) {
        if (unit == null) {
            throw new UnitException("missing unit");
        }
        Entry e = UNITS.get(canonical(unit));
        if (e == null) {
            throw new UnitException("unknown unit '" + unit + "'");
        }
        return e;
    }

    /** A number without a needless trailing ".0"; beyond 10^15, in powers of ten ("1e30", not "1.0E30"). */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String shortest = String.valueOf(value);
        return Double.isFinite(value) && shortest.contains("E")
                ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toString().replace("E+", "e").replace("E", "e") : shortest;
    }

    /**
     * A computed number as people read it: rounded to {@code significant} significant digits, but never to fewer
     * digits than its whole part has (2377.45 → "2377" at 3, 12.618 → "12.6", 0.333333 → "0.333"), without a
     * needless ".0"; beyond 10^15, in powers of ten ("1e30"). Values a user wrote are shown with {@link #format}.
     */
    public static String rounded(double value, int significant) {
        if (!Double.isFinite(value) || value == 0) {
            return format(value);
        }
        boolean huge = Math.abs(value) >= 1e15;
        int wholeDigits = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
        java.math.BigDecimal b = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(huge ? significant : Math.max(significant, wholeDigits), java.math.RoundingMode.HALF_UP))
                .stripTrailingZeros();
        return huge ? b.toString().replace("E+", "e") : b.toPlainString();
    }
}
