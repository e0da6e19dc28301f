package org.athanor.crystal;

import java.util.Locale;
import java.util.Map;

/**
 * Tells the element from a CIF type symbol or label, following pymatgen's CifParser so cells agree with the reference
 * patterns: "Fe3+" → Fe, "O2-" → O, "Ca1" → Ca, "O1" → O. Water labels (Ow, Hw, Wat) are recognised; a vacancy label
 * ("Va", "vac") yields the empty string (no scatterer), where pymatgen would read vanadium.
 */
final class AtomSymbols {

    private static final Map<String, String> SPECIAL = Map.of(
            "Hw", "H", "Ow", "O", "Wat", "O", "wat", "O", "OH2", "O", "OH", "O", "D", "H", "T", "H");

    private AtomSymbols() {
    }

    /** The element symbol, "" for a vacancy, or null when none can be found. */
    static String element(String symbol) {
        String s = symbol.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.equalsIgnoreCase("va") || s.toLowerCase(Locale.ROOT).startsWith("vac")) {
            return "";
        }
        for (String prefix : new String[] {"OH2", "Wat", "wat", "Hw", "Ow", "OH"}) {
            if (s.startsWith(prefix)) {
                return SPECIAL.get(prefix);
            }
        }
        if ((s.equals("D") || s.equals("T") || s.matches("[DT][^a-z].*"))) {
            return "H";
        }
        if (s.length() >= 2) {
            String two = title(s.substring(0, 2));
            if (ElementData.isElement(two)) {
                return two;
            }
        }
        String one = s.substring(0, 1).toUpperCase(Locale.ROOT);
        if (ElementData.isElement(one)) {
            return one;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Z][a-z]*").matcher(s);
        if (m.find() && ElementData.isElement(m.group())) {
            return m.group();
        }
        return null;
    }

    /** Python's str.title() for two characters: first letter upper, a following letter lower. */
    private static String title(String two) {
        char a = two.charAt(0);
        char b = two.charAt(1);
        String first = Character.isLetter(a) ? String.valueOf(Character.toUpperCase(a)) : String.valueOf(a);
        String second = Character.isLetter(b)
                ? (Character.isLetter(a) ? String.valueOf(Character.toLowerCase(b)) : String.valueOf(Character.toUpperCase(b)))
                : String.valueOf(b);
        return first + second;
    }
}
