package org.athanor.units;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.workflow.Quantity;

/**
 * Reads quantities as users type them: "1500 K", "2 g", "500 mg", "3 K/min", "12 h", "1,200 °C", "2 °C min-1",
 * "1.5e3 cm-1", "50 mL/min", "0.5 W", "2θ = 30 deg" is not a quantity but "30°" is. The unit is returned in its
 * canonical spelling ({@link Units#canonical(String)}).
 *
 * <p>Number conventions: a comma followed by exactly three digits is a thousands separator ("1,200" = 1200); any
 * other single comma is a decimal comma ("1,5 g" = 1.5 g). Thin and non-breaking spaces between digit groups are
 * thousands separators ("1 200 °C"). A Unicode minus is accepted.
 */
public final class QuantityParser {

    /** One quantity found in free text: where it is and what it says. */
    public record Match(int start, int end, Quantity quantity) {
    }

    private static final String NUMBER =
            "[-+−]?(?:\\d{1,3}(?:[,\u2009\u202f\u00a0]\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern WHOLE = Pattern.compile("\\s*(" + NUMBER + ")\\s*(.*?)\\s*");
    /** Unit words in free text: letters, degree signs, slashes, "-1" exponents, "per". */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![\\w.,])(" + NUMBER + ")\\s?"
            + "((?:°|º|℃|℉|µ|μ|Å|%|[A-Za-z])[A-Za-z°ºµμÅ⁻¹%\\-1^/·]*(?:\\s(?:per\\s[A-Za-z]+|min-1|h-1|s-1|min⁻¹|h⁻¹|s⁻¹))?)");

    private QuantityParser() {
    }

    /** The quantity in {@code text}, or a {@link UnitException} naming what is wrong and where. */
    public static Quantity parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnitException("empty quantity: expected a number and a unit, e.g. \"2 g\"");
        }
        Matcher m = WHOLE.matcher(text);
        if (!m.matches()) {
            int at = firstNonBlank(text);
            throw new UnitException("expected a number at position " + (at + 1) + " in '" + text + "'");
        }
        double value = number(m.group(1));
        String unitText = m.group(2);
        if (unitText.isEmpty()) {
            throw new UnitException("no unit after " + m.group(1) + " in '" + text + "'");
        }
        String unit = Units.canonical(unitText);
        if (!Units.isKnown(unit)) {
            throw new UnitException("unknown unit '" + unitText + "' at position " + (m.start(2) + 1) + " in '" + text + "'");
        }
        return Quantity.of(value, unit);
    }

    /** Like {@link #parse(String)}, also checking the dimension ("temperature", "mass", "ramp", ...). */
    public static Quantity parse(String text, String dimension) {
        Quantity q = parse(text);
        String actual = Units.dimension(q.unit());
        if (!actual.equals(dimension)) {
            throw new UnitException("'" + text + "' is a " + actual + ", expected a " + dimension);
        }
        return q;
    }

    /**
     * Every quantity with a known unit in a sentence, in order: "heat at 800 °C for 10 h at 5 K/min" gives 800 °C,
     * 10 h and 5 K/min. A number followed by a word that is not a unit ("2 samples") is skipped.
     */
    public static List<Match> findInText(String text) {
        List<Match> found = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            String unitText = m.group(2);
            // Try the longest unit reading first, then shorter ones: "10 h then" must still give 10 h.
            int end = -1;
            String unit = null;
            for (int cut = unitText.length(); cut > 0; cut--) {
                String candidate = unitText.substring(0, cut);
                if (cut < unitText.length() && Character.isLetter(unitText.charAt(cut))
                        && Character.isLetter(unitText.charAt(cut - 1))) {
                    continue; // never split a word
                }
                String canon = Units.canonical(candidate.replaceAll("[.,;:]+$", ""));
                if (Units.isKnown(canon) && !isWordNotUnit(candidate, text, m.start(2) + cut)) {
                    unit = canon;
                    end = m.start(2) + cut;
                    break;
                }
            }
            if (unit != null) {
                found.add(new Match(m.start(1), end, Quantity.of(number(m.group(1)), unit)));
            }
        }
        return found;
    }

    /** Single letters that are units only next to a number and not part of a longer word ("2 g", not "2 grains"). */
    private static boolean isWordNotUnit(String candidate, String text, int end) {
        return end < text.length() && Character.isLetter(text.charAt(end));
    }

    static double number(String s) {
        String t = s.replace('−', '-').replace("\u2009", "").replace("\u202f", "").replace("\u00a0", "");
        if (t.matches("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            t = t.replace(",", "");
        } else {
            t = t.replace(',', '.');
        }
        return Double.parseDouble(t);
    }

    private static int firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
