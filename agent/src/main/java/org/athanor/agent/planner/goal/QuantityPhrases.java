package org.athanor.agent.planner.goal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.units.Units;
import org.athanor.workflow.Quantity;

/**
 * Reads the numbers of a goal with their units and decides what each one is: a ramp (limit or request), a
 * temperature (limit, fixed value), a hold, a milling time, or the product mass. Temperatures may be in °C, K or °F.
 */
final class QuantityPhrases {

    private static final String NUMBER = "\\d+,\\d{1,2}(?![\\d,])|\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|\\.\\d+";
    /** A number not glued to a formula ("Fe3C" is not 3 °C). */
    static final String NUM = "(?<![\\p{L}\\p{N}.·,])(" + NUMBER + ")";
    /** A mass may also be written in powers of ten ("1e3 g", "2.5E6 mg"). */
    private static final String MASS_NUM = "(?<![\\p{L}\\p{N}.·,])(\\d+(?:\\.\\d+)?[eE][+-]?\\d+|" + NUMBER + ")";
    /** "2,5": a decimal comma (one or two decimals; three digits after a comma group thousands, "1,250"). */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{1,2}");
    private static final String TEMP_UNIT = "(°\\s*K|°\\s*C|°\\s*F|deg(?:rees?)?\\s*(?:C|F|celsius|fahrenheit)\\b|celsius\\b|fahrenheit\\b|kelvin\\b|K\\b|C\\b|F\\b|°)";
    private static final String TIME_UNIT = "(min(?:ute)?s?\\b|min-1|min⁻¹|h(?:ou)?rs?\\b|hours?\\b|h\\b|h-1|s\\b|sec(?:ond)?s?\\b)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern RAMP = Pattern.compile(NUM + "\\s*" + TEMP_UNIT + "\\s*(?:/|per\\s+|\\s|\\s*·\\s*)\\s*" + TIME_UNIT, FLAGS);
    private static final Pattern TEMPERATURE = Pattern.compile(NUM + "\\s*" + TEMP_UNIT, FLAGS);
    private static final String HOLD_UNIT = "(h\\b|hrs?\\b|hours?\\b|min\\b|mins\\b|minutes?\\b|d\\b|days?\\b|s\\b|secs?\\b|seconds?\\b)";
    private static final Pattern HOLD = Pattern.compile(
            "(?:\\bfor\\s+(?:about\\s+|approximately\\s+|~\\s*)?|\\b(?:hold|holding|dwell|soak|held)(?:\\s+(?:it|time|of|for|there|at\\s+temperature))*\\s*:?\\s*)"
                    + NUM + "[\\s-]*" + HOLD_UNIT, FLAGS);
    /** "1000 °C, 10 h", "1000 °C / 10 h": a duration straight after a temperature is its hold (group 3, 4). */
    private static final Pattern HOLD_AFTER_TEMPERATURE = Pattern.compile(
            NUM + "\\s*" + TEMP_UNIT + "\\s*(?:,|/|;|\\s)\\s*" + NUM + "[\\s-]*" + HOLD_UNIT + "(?!\\s*/)", FLAGS);
    /** "ball-mill for 3 hours", "grind it for 20 min": how long to mill, not how long to hold in the furnace. */
    private static final Pattern MILL = Pattern.compile(
            "\\b(?:ball[\\s-]?mill(?:ed|ing)?|mill(?:ed|ing)?|grind(?:ing)?|ground|mix(?:ed|ing)?)(?:\\s+(?:it|them|the\\s+\\S+|everything|together|well|thoroughly))*"
                    + "\\s+(?:for\\s+)?" + NUM + "[\\s-]*" + HOLD_UNIT, FLAGS);
    private static final Pattern HOLD_AFTER = Pattern.compile(NUM + "[\\s-]*(h|hrs?|hours?|min|minutes?)[\\s-]+(?:hold|dwell|soak|anneal|calcination)\\b", FLAGS);
    private static final Pattern MASS = Pattern.compile(MASS_NUM
            + "\\s*(mg|g|kg|µg|μg|grams?|milligrams?|kilograms?|micrograms?|tonnes?|metric\\s+tons?)\\b(?!\\s*/)", FLAGS);

    /** "1.97 g of BaCO3", "1.97 g BaCO3": what follows a mass before the material's name. */
    private static final Pattern MASS_OF = Pattern.compile("^\\s*(?:of\\s+)?", FLAGS);
    /** "BaCO3 (1.97 g)", "BaCO3: 1.97 g": what stands between a material's name and its mass. */
    private static final Pattern BRACKETED_AFTER = Pattern.compile("\\s*(?:\\(|\\[|:)\\s*", FLAGS);
    private static final Pattern CLOSING = Pattern.compile("^\\s*(?:[)\\],;.]|and\\b|$)", FLAGS);
    private static final Pattern MAX_BEFORE = Pattern.compile(
            "(?:below|under|beneath|at\\s+most|(?:no|not|never)\\s+(?:\\w+\\s+){0,2}(?:hotter|higher|more|warmer|above|over|exceed\\w*|beyond)(?:\\s+than)?|"
                    + "lower\\s+than|less\\s+than|cooler\\s+than|exceed(?:ing)?|maximum|max\\.?|up\\s+to|≤|<=|<|cap(?:ped)?|limit(?:ed)?|ceiling|top\\s+out\\s+at)"
                    + "(?:\\s+(?:temperature|temp\\.?|of|at|to|the|furnace|a|is|=|:|T))*\\s*[:=]?\\s*$", FLAGS);
    /** A temperature range: "800-900 °C", "1273 K to 1373 K", "between 1100 and 1200 °C". */
    private static final Pattern RANGE = Pattern.compile("(?:\\bbetween\\s+)?" + NUM + "\\s*(?:" + TEMP_UNIT + ")?\\s*(?:-|–|−|\\bto\\b|\\band\\b)\\s*"
            + NUM + "\\s*" + TEMP_UNIT, FLAGS);
    private static final Pattern MIN_BEFORE = Pattern.compile("(?:above|over|at\\s+least|higher\\s+than|more\\s+than|hotter\\s+than|minimum|min\\.?|≥|>=|>)\\s*(?:of\\s+)?$", FLAGS);
    private static final Pattern MAX_AFTER = Pattern.compile("^\\s*(?:maximum|max\\b|at\\s+most|or\\s+(?:below|less|lower|cooler)|limit|ceiling|cap\\b|tops?\\b)", FLAGS);
    private static final Pattern RAMP_MAX_BEFORE = Pattern.compile(
            "(?:no\\s+faster\\s+than|not\\s+faster\\s+than|slower\\s+than|at\\s+most|maximum|max\\.?|up\\s+to|below|under|≤|<=|<|not\\s+(?:exceed\\w*|above|more\\s+than)|never\\s+(?:exceed\\w*|above)|limit(?:ed)?(?:\\s+to)?|cap(?:ped)?(?:\\s+at)?|less\\s+than)"
                    + "(?:\\s+(?:ramp|rate|heating|of|at|to|the|a|is|=|:))*\\s*$", FLAGS);
    /** "2 °C/min cooling", "cool at 2 °C/min", "cooling rate 2 K/min": a rate for the way down, not the way up. */
    private static final Pattern COOLING_AFTER = Pattern.compile("^\\s*(?:for\\s+|on\\s+|during\\s+)?(?:the\\s+)?(?:cooling|cool(?:ing)?[\\s-]?down|cool)\\b", FLAGS);
    private static final Pattern COOLING_BEFORE = Pattern.compile(
            "\\bcool(?:ing|ed)?(?:[\\s-]?down)?(?:\\s+(?:it|rate|ramp|at|of|with|to\\s+room\\s+temperature|is|=|:))*\\s*$", FLAGS);
    private static final Pattern RAMP_MAX_AFTER = Pattern.compile("^\\s*(?:or\\s+(?:slower|less|lower)|maximum|max\\b|at\\s+most|limit)", FLAGS);

    private QuantityPhrases() {
    }

    static void read(Draft d) {
        Matcher comma = Pattern.compile(NUM).matcher(d.goal);
        while (comma.find()) {
            if (DECIMAL_COMMA.matcher(comma.group(1)).matches()) {
                d.note("\"" + comma.group(1) + "\" read with a decimal comma, as " + Units.format(number(comma.group(1))));
            }
        }
        readRamps(d);
        readMilling(d);
        readHolds(d);
        readTemperatures(d);
        readMasses(d);
    }

    private static void readRamps(Draft d) {
        Matcher m = RAMP.matcher(d.goal);
        while (m.find()) {
            String tempUnit = temperatureUnit(m.group(2), d);
            String timeUnit = Units.canonical(m.group(3).replace("-1", "").replace("⁻¹", ""));
            String unit = ("°F".equals(tempUnit) ? "°F" : "K".equals(tempUnit) ? "K" : "°C") + "/" + timeUnit;
            if (!Units.isKnown(unit)) {
                d.unparsed.add(m.group() + " (ramp unit not understood)");
                d.coverage.cover(m.start(), m.end());
                continue;
            }
            Quantity ramp = Quantity.of(number(m.group(1)), Units.canonical(unit));
            if (qualified(d, m, RAMP_MAX_BEFORE, RAMP_MAX_AFTER)) {
                d.maxRamp = tighter(d.maxRamp, ramp, "°C/min");
            } else if (cooling(d, m)) {
                d.coolingRamp = ramp;
                d.note("ramp " + ramp + " read as the cooling rate");
            } else if (d.requestedRamp != null && d.requestedRamp.celsiusPerMinute() != ramp.celsiusPerMinute()) {
                d.unparsed.add(m.group() + " (a second ramp; the first, " + d.requestedRamp + ", is used)");
            } else {
                d.requestedRamp = ramp;
                d.note("ramp " + ramp + " read as the ramp asked for, not as a limit");
            }
            d.coverage.cover(m.start(), m.end());
        }
    }

    private static void readMilling(Draft d) {
        Matcher m = MILL.matcher(d.goal);
        while (m.find()) {
            Quantity time = Quantity.of(number(m.group(1)), Units.canonical(m.group(2)));
            if (d.millTime != null && d.millTime.in("min") != time.in("min")) {
                d.unparsed.add(m.group() + " (a second milling time; the first, " + d.millTime + ", is used)");
            } else {
                d.millTime = time;
            }
            d.coverage.cover(m.start(), m.end());
        }
    }

    private static void readHolds(Draft d) {
        for (Pattern p : new Pattern[] {HOLD, HOLD_AFTER, HOLD_AFTER_TEMPERATURE}) {
            // The temperature before a hold (group 1, 2 of HOLD_AFTER_TEMPERATURE) is left for readTemperatures.
            int number = p == HOLD_AFTER_TEMPERATURE ? 3 : 1;
            Matcher m = p.matcher(d.goal);
            while (m.find()) {
                int start = m.start(number);
                if (!d.coverage.isFree(start, m.end())) {
                    continue;
                }
                Quantity hold = Quantity.of(number(m.group(number)), Units.canonical(m.group(number + 1)));
                if (d.hold != null && d.hold.hours() != hold.hours()) {
                    d.unparsed.add(d.goal.substring(start, m.end()) + " (a second hold; the first, " + d.hold + ", is used)");
                } else {
                    d.hold = hold;
                }
                d.coverage.cover(p == HOLD_AFTER_TEMPERATURE ? start : m.start(), m.end());
            }
        }
    }

    private static void readTemperatures(Draft d) {
        Matcher range = RANGE.matcher(d.goal);
        while (range.find()) {
            if (d.coverage.isFree(range.start(), range.end())) {
                // Neither end alone is what was asked: one set temperature, or a maximum for a campaign to search below.
                d.unparsed.add(range.group() + " (a temperature range; give one set temperature, or a maximum that a campaign searches below)");
                d.coverage.cover(range.start(), range.end());
            }
        }
        Matcher m = TEMPERATURE.matcher(d.goal);
        while (m.find()) {
            if (!d.coverage.isFree(m.start(), m.end())) {
                continue;
            }
            String unit = temperatureUnit(m.group(2), d);
            int start = signedStart(d.goal, m.start());
            Quantity t = Quantity.of((start < m.start() ? -1 : 1) * number(m.group(1)), unit);
            if (t.in("K") < 0) {
                d.unparsed.add(m.group() + " (below absolute zero)");
                d.coverage.cover(m.start(), m.end());
                continue;
            }
            d.coverage.cover(start, m.start());
            if (qualified(d, m, MAX_BEFORE, MAX_AFTER)) {
                d.maxTemperature = tighter(d.maxTemperature, t, "°C");
            } else if (MIN_BEFORE.matcher(window(d.goal, m.start())).find()) {
                d.unparsed.add(m.group() + " (a minimum temperature; only upper limits and set temperatures are understood)");
            } else if (d.fixedTemperature == null) {
                d.fixedTemperature = t;
            } else {
                d.unparsed.add(m.group() + " (a second set temperature; the first, " + d.fixedTemperature + ", is used)");
            }
            d.coverage.cover(m.start(), m.end());
        }
    }

    /** A mass as the goal wrote it, and where. */
    record MassPhrase(Quantity mass, String text, int start, int end) {
    }

    private static void readMasses(Draft d) {
        Matcher m = MASS.matcher(d.goal);
        while (m.find()) {
            if (!d.coverage.isFree(m.start(), m.end())) {
                continue;
            }
            int start = signedStart(d.goal, m.start());
            double value = (start < m.start() ? -1 : 1) * number(m.group(1));
            if (!Double.isFinite(value)) {
                d.unparsed.add(m.group() + " (too large a number)");
                d.coverage.cover(m.start(), m.end());
                continue;
            }
            d.masses.add(new MassPhrase(Quantity.of(value, Units.canonical(m.group(2))), m.group(), start, m.end()));
            d.coverage.cover(start, m.end());
        }
    }

    /**
     * Once the substances are read: a mass written against a starting material ("1.97 g of BaCO3", "BaCO3 (1.97 g)")
     * is that material's, and the first other mass is the product's (said again, it is the same).
     */
    static void assignMasses(Draft d) {
        for (MassPhrase m : d.masses) {
            int material = startingMaterialOf(d, m);
            if (material >= 0) {
                String formula = d.startingMaterials.get(material).formula();
                Quantity earlier = d.startingMasses.putIfAbsent(formula, m.mass());
                if (earlier != null) {
                    d.unparsed.add(m.text() + " (a second mass of " + formula + "; the first, " + earlier + ", is used)");
                }
            } else if (d.productMass == null) {
                d.productMass = m.mass();
            } else if (d.productMass.grams() != m.mass().grams()) {
                d.unparsed.add(m.text() + " (a second mass; the product mass is " + d.productMass + ")");
            }
        }
        // "Mix 2 g of ZnO, MgO and TiO2": one mass before a list of materials and no product is the mixture's mass.
        if (d.target == null && d.productMass == null && d.startingMasses.size() == 1 && d.startingMaterials.size() > 1
                && d.startingMasses.containsKey(d.startingMaterials.get(0).formula())) {
            d.productMass = d.startingMasses.remove(d.startingMaterials.get(0).formula());
        }
    }

    /** The index of the starting material the mass is written against, or -1. */
    private static int startingMaterialOf(Draft d, MassPhrase m) {
        Matcher of = MASS_OF.matcher(d.goal.substring(m.end()));
        int after = of.find() ? m.end() + of.end() : m.end();
        for (int i = 0; i < d.startingSpans.size(); i++) {
            int[] span = d.startingSpans.get(i);
            if (span[0] == after || (span[1] <= m.start() && BRACKETED_AFTER.matcher(d.goal.substring(span[1], m.start())).matches()
                    && CLOSING.matcher(d.goal.substring(m.end())).find())) {
                return i;
            }
        }
        return -1;
    }

    /** True when the words around a ramp make it the cooling rate; those words are marked as read. */
    private static boolean cooling(Draft d, Matcher ramp) {
        Matcher a = COOLING_AFTER.matcher(d.goal.substring(ramp.end()));
        if (a.find()) {
            d.coverage.cover(ramp.end() + a.start(), ramp.end() + a.end());
            return true;
        }
        String w = window(d.goal, ramp.start());
        Matcher b = COOLING_BEFORE.matcher(w);
        if (b.find()) {
            d.coverage.cover(ramp.start() - w.length() + b.start(), ramp.start());
            return true;
        }
        return false;
    }

    /** True when a qualifier before or after the quantity makes it a limit; the qualifier's words are marked as read. */
    private static boolean qualified(Draft d, Matcher quantity, Pattern before, Pattern after) {
        String w = window(d.goal, quantity.start());
        Matcher b = before.matcher(w);
        if (b.find()) {
            int offset = quantity.start() - w.length();
            d.coverage.cover(offset + b.start(), quantity.start());
            return true;
        }
        Matcher a = after.matcher(d.goal.substring(quantity.end()));
        if (a.find()) {
            d.coverage.cover(quantity.end() + a.start(), quantity.end() + a.end());
            return true;
        }
        return false;
    }

    /** The text of the same clause before {@code index}, at most 60 characters. */
    static String window(String text, int index) {
        int from = Math.max(0, index - 60);
        String w = text.substring(from, index);
        int cut = Math.max(w.lastIndexOf(';'), Math.max(w.lastIndexOf(". "), w.lastIndexOf(',')));
        return cut >= 0 ? w.substring(cut + 1) : w;
    }

    /**
     * Where a temperature starts when a minus sign ("-", "−") stands right before its number: "at -50 °C" is below
     * zero. Not after a number ("800-900 °C" is a range) or inside a word.
     */
    private static int signedStart(String goal, int numberStart) {
        if (numberStart == 0 || "-−–".indexOf(goal.charAt(numberStart - 1)) < 0) {
            return numberStart;
        }
        String before = goal.substring(0, numberStart - 1).stripTrailing();
        boolean afterWordOrNumber = !before.isEmpty() && Character.isLetterOrDigit(before.charAt(before.length() - 1))
                && (before.length() == numberStart - 1 || Character.isDigit(before.charAt(before.length() - 1)));
        return afterWordOrNumber ? numberStart : numberStart - 1;
    }

    private static String temperatureUnit(String written, Draft d) {
        String w = written.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (w.equals("°k")) {
            d.note("\"" + written + "\" read as kelvin (K; kelvin takes no degree sign)");
            return "K";
        }
        if (w.equals("°")) {
            d.note("a bare ° was read as °C");
            return "°C";
        }
        if (w.startsWith("deg")) {
            return w.endsWith("f") || w.endsWith("fahrenheit") ? "°F" : "°C";
        }
        return Units.canonical(written.replaceAll("\\s+", ""));
    }

    private static Quantity tighter(Quantity current, Quantity candidate, String unit) {
        return current == null || candidate.in(unit) < current.in(unit) ? candidate : current;
    }

    static double number(String written) {
        if (written.indexOf('e') >= 0 || written.indexOf('E') >= 0) {
            return Double.parseDouble(written);
        }
        if (DECIMAL_COMMA.matcher(written).matches()) {
            return Double.parseDouble(written.replace(',', '.'));
        }
        return Double.parseDouble(written.replace(",", ""));
    }
}
