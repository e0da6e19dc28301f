package org.athanor.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the ways people write a unit into its canonical spelling. A compound unit is read as numerator atoms and
 * denominator atoms ("°C/min", "°C min-1", "K·min⁻¹", "°C per minute", "1/cm"), each atom is canonicalised, and the
 * parts are joined as "num/den" (or "cm-1" for a reciprocal length).
 */
final class UnitSpelling {

    /** Lower-cased, space-free spelling → canonical atom. Case-sensitive atoms (mW vs MW, K) are handled first. */
    private static final Map<String, String> ATOMS = Map.ofEntries(
            Map.entry("°c", "°C"), Map.entry("degc", "°C"), Map.entry("c", "°C"), Map.entry("celsius", "°C"),
            Map.entry("ºc", "°C"), Map.entry("℃", "°C"), Map.entry("degreesc", "°C"), Map.entry("degreescelsius", "°C"),
            Map.entry("degreec", "°C"), Map.entry("k", "K"), Map.entry("kelvin", "K"), Map.entry("kelvins", "K"),
            Map.entry("°k", "K"), Map.entry("°f", "°F"), Map.entry("degf", "°F"), Map.entry("f", "°F"),
            Map.entry("fahrenheit", "°F"), Map.entry("ºf", "°F"), Map.entry("℉", "°F"),
            Map.entry("g", "g"), Map.entry("gram", "g"), Map.entry("grams", "g"), Map.entry("gm", "g"),
            Map.entry("mg", "mg"), Map.entry("milligram", "mg"), Map.entry("milligrams", "mg"),
            Map.entry("kg", "kg"), Map.entry("kilogram", "kg"), Map.entry("kilograms", "kg"),
            Map.entry("tonne", "t"), Map.entry("tonnes", "t"), Map.entry("metricton", "t"), Map.entry("metrictons", "t"),
            Map.entry("µg", "µg"), Map.entry("μg", "µg"), Map.entry("ug", "µg"), Map.entry("microgram", "µg"),
            Map.entry("s", "s"), Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"),
            Map.entry("seconds", "s"), Map.entry("min", "min"), Map.entry("mins", "min"), Map.entry("minute", "min"),
            Map.entry("minutes", "min"), Map.entry("h", "h"), Map.entry("hr", "h"), Map.entry("hrs", "h"),
            Map.entry("hour", "h"), Map.entry("hours", "h"), Map.entry("d", "d"), Map.entry("day", "d"),
            Map.entry("days", "d"), Map.entry("deg", "deg"), Map.entry("°", "deg"), Map.entry("degree", "deg"),
            Map.entry("degrees", "deg"), Map.entry("°2θ", "deg"), Map.entry("deg2θ", "deg"), Map.entry("º", "deg"),
            Map.entry("rad", "rad"), Map.entry("radian", "rad"), Map.entry("radians", "rad"), Map.entry("mrad", "mrad"),
            Map.entry("nm", "nm"), Map.entry("pm", "pm"), Map.entry("å", "Å"), Map.entry("Å", "Å"),
            Map.entry("angstrom", "Å"), Map.entry("angstroms", "Å"), Map.entry("µm", "µm"), Map.entry("μm", "µm"),
            Map.entry("um", "µm"), Map.entry("micron", "µm"), Map.entry("microns", "µm"), Map.entry("mm", "mm"),
            Map.entry("cm", "cm"), Map.entry("m", "m"), Map.entry("w", "W"), Map.entry("watt", "W"),
            Map.entry("watts", "W"), Map.entry("kw", "kW"), Map.entry("milliwatt", "mW"), Map.entry("milliwatts", "mW"),
            Map.entry("ml", "mL"), Map.entry("millilitre", "mL"), Map.entry("milliliter", "mL"), Map.entry("cc", "mL"),
            Map.entry("l", "L"), Map.entry("litre", "L"), Map.entry("liter", "L"), Map.entry("litres", "L"),
            Map.entry("liters", "L"), Map.entry("µl", "µL"), Map.entry("μl", "µL"), Map.entry("ul", "µL"),
            Map.entry("sccm", "sccm"), Map.entry("slm", "slm"), Map.entry("slpm", "slm"),
            Map.entry("pa", "Pa"), Map.entry("kpa", "kPa"), Map.entry("mpa", "MPa"), Map.entry("bar", "bar"),
            Map.entry("mbar", "mbar"), Map.entry("atm", "atm"), Map.entry("torr", "Torr"),
            Map.entry("mol", "mol"), Map.entry("mmol", "mmol"), Map.entry("%", "%"), Map.entry("percent", "%"),
            Map.entry("mol%", "mol%"), Map.entry("mole%", "mol%"), Map.entry("wt%", "wt%"), Map.entry("wt.%", "wt%"),
            Map.entry("at%", "at%"), Map.entry("at.%", "at%"),
            Map.entry("ppm", "ppm"), Map.entry("wavenumber", "cm-1"), Map.entry("wavenumbers", "cm-1"));

    private UnitSpelling() {
    }

    static String canonical(String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.trim();
        // Case matters for these: "mW" is milliwatt, "MW" would be megawatt; "K" is kelvin.
        switch (u) {
            case "mW", "MW", "W", "kW", "K", "Pa", "MPa", "kPa" -> {
                return u.equals("MW") ? "MW" : u;
            }
            default -> { }
        }
        String direct = ATOMS.get(squash(u));
        if (direct != null) {
            return direct;
        }
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        String s = u.replace("⁻¹", "-1").replace("^-1", "-1").replace("^{-1}", "-1")
                .replaceAll("(?i)\\s+per\\s+", "/").replace("·", " ").replace("*", " ").replace("⋅", " ");
        String[] halves = s.split("/", -1);
        if (halves.length > 2) {
            return u;
        }
        if (!collect(halves[0], num, den, false) || (halves.length == 2 && !collect(halves[1], den, num, true))) {
            return u;
        }
        if (num.size() == 1 && den.size() == 1) {
            return num.get(0) + "/" + den.get(0);
        }
        if (num.isEmpty() && den.size() == 1 && den.get(0).equals("cm")) {
            return "cm-1";
        }
        if (num.size() == 1 && den.isEmpty()) {
            return num.get(0);
        }
        return u;
    }

    /** Adds the canonical atoms of one side; an atom written with "-1" goes to the other side. */
    private static boolean collect(String side, List<String> here, List<String> other, boolean denominator) {
        for (String token : side.trim().split("\\s+")) {
            if (token.isEmpty() || (token.equals("1") && !denominator)) {
                continue;
            }
            boolean reciprocal = token.endsWith("-1");
            String atom = ATOMS.get(squash(reciprocal ? token.substring(0, token.length() - 2) : token));
            if (atom == null) {
                return false;
            }
            (reciprocal ? other : here).add(atom);
        }
        return true;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replace(" ", "").replace("\u00a0", "");
    }
}
