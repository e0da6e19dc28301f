package org.athanor.materials;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cement chemists' notation: each capital stands for an oxide (C = CaO, S = SiO2, A = Al2O3, F = Fe2O3, H = H2O,
 * M = MgO, K = K2O, N = Na2O, T = TiO2, P = P2O5, S̅ or $ = SO3, C̅ = CO2), followed by an optional count; hyphens
 * may separate the letters. C3S is 3CaO·SiO2 = Ca3SiO5 (H. F. W. Taylor, Cement Chemistry, 2nd ed., 1997, §1.1.2).
 *
 * <p>C-S-H, calcium silicate hydrate, has no fixed stoichiometry; its nominal composition here is
 * (CaO)1.7(SiO2)(H2O)1.80, the value measured for the nanoscale C-S-H of hydrated Portland cement by
 * A. J. Allen, J. J. Thomas and H. M. Jennings, "Composition and density of nanoscale calcium–silicate–hydrate in
 * cement", Nature Materials 6 (2007) 311–316. It is always calcium silicate hydrate, never carbon–sulfur–hydrogen.
 */
final class CementNotation {

    /** A reading: composition as written and the phase name when it is a known phase. */
    record Reading(Composition composition, String canonical, String phase) {
    }

    private static final Map<Character, String> OXIDES = Map.ofEntries(
            Map.entry('C', "CaO"), Map.entry('S', "SiO2"), Map.entry('A', "Al2O3"), Map.entry('F', "Fe2O3"),
            Map.entry('H', "H2O"), Map.entry('M', "MgO"), Map.entry('K', "K2O"), Map.entry('N', "Na2O"),
            Map.entry('T', "TiO2"), Map.entry('P', "P2O5"), Map.entry('$', "SO3"), Map.entry('c', "CO2"));
    private static final Composition CSH = Formula.parse("1.7CaO·SiO2·1.8H2O");
    /** Known phases by canonical spelling ($ for S̅, c for C̅); Taylor (1997) Table 1.1 and §§6–7 for the hydrates. */
    private static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("C3S", "alite (tricalcium silicate)");
        PHASES.put("C2S", "belite (dicalcium silicate)");
        PHASES.put("C3A", "tricalcium aluminate");
        PHASES.put("C4AF", "ferrite phase (tetracalcium aluminoferrite)");
        PHASES.put("C-S-H", "calcium silicate hydrate");
        PHASES.put("CSH", "calcium silicate hydrate");
        PHASES.put("CH", "portlandite (calcium hydroxide)");
        PHASES.put("C12A7", "mayenite");
        PHASES.put("CA", "monocalcium aluminate");
        PHASES.put("CA2", "grossite (calcium dialuminate)");
        PHASES.put("CA6", "hibonite");
        PHASES.put("C2AS", "gehlenite");
        PHASES.put("C3S2", "rankinite");
        PHASES.put("CS", "wollastonite");
        PHASES.put("C2F", "dicalcium ferrite");
        PHASES.put("C4A3$", "ye'elimite");
        PHASES.put("C6A$3H32", "ettringite (AFt)");
        PHASES.put("C4A$H12", "monosulfate (AFm)");
        PHASES.put("C$H2", "gypsum");
        PHASES.put("C$H0.5", "bassanite");
        PHASES.put("C$", "anhydrite");
        PHASES.put("C3AH6", "hydrogarnet (katoite)");
        PHASES.put("C4AH13", "tetracalcium aluminate hydrate");
        PHASES.put("C5S2$", "ternesite");
        PHASES.put("C2MS2", "akermanite");
        PHASES.put("C3MS2", "merwinite");
        PHASES.put("CMS2", "diopside");
        PHASES.put("CMS", "monticellite");
        PHASES.put("M2S", "forsterite");
        PHASES.put("MS", "enstatite");
        PHASES.put("A3S2", "mullite");
        PHASES.put("CAS2", "anorthite");
        PHASES.put("NAS6", "albite");
        PHASES.put("KAS6", "orthoclase");
        PHASES.put("Cc", "calcite");
    }

    private CementNotation() {
    }

    /** True if {@code text} is one of the phases recognised without {@code --notation cement}. */
    static boolean isKnownPhase(String text) {
        return PHASES.containsKey(canonical(text));
    }

    /** Is every character a cement letter, digit, decimal point, hyphen or overline? */
    static boolean usesCementAlphabet(String text) {
        String c = canonical(text);
        if (c.isEmpty() || !OXIDES.containsKey(c.charAt(0))) {
            return false;
        }
        for (char ch : c.toCharArray()) {
            if (!OXIDES.containsKey(ch) && !Character.isDigit(ch) && ch != '.' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    /** True if the input uses a sign that only cement notation has (S̅, $, C̅) or a letter that is not an element. */
    static boolean hasCementOnlySign(String text) {
        String c = canonical(text);
        return c.indexOf('$') >= 0 || c.indexOf('c') >= 0 || c.indexOf('A') >= 0 || c.indexOf('T') >= 0
                || c.indexOf('M') >= 0;
    }

    /** Writes S̅ as $ and C̅ as c, drops spaces. */
    static String canonical(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\u0305' || Character.isWhitespace(ch)) {
                continue;
            }
            boolean overlined = i + 1 < text.length() && text.charAt(i + 1) == '\u0305';
            if (overlined && ch == 'S') {
                sb.append('$');
            } else if (overlined && ch == 'C') {
                sb.append('c');
            } else {
                sb.append(FormulaParser.clean(ch));
            }
        }
        return sb.toString();
    }

    /** Reads {@code input} as cement notation; errors point at the offending character. */
    static Reading read(String input) {
        String c = canonical(input);
        String phase = PHASES.get(c);
        if (c.equals("C-S-H") || c.equals("CSH")) {
            return new Reading(CSH, c, phase);
        }
        Composition total = Composition.empty();
        int i = 0;
        while (i < c.length()) {
            char ch = c.charAt(i);
            String oxide = OXIDES.get(ch);
            if (oxide == null) {
                if (ch == '-' && i > 0 && i + 1 < c.length()) {
                    i++;
                    continue;
                }
                throw new NotationException("'" + ch + "' is not a cement oxide letter (C S A F H M K N T P S̅ $)",
                        input, originalIndex(input, i));
            }
            int start = ++i;
            while (i < c.length() && (Character.isDigit(c.charAt(i)) || c.charAt(i) == '.')) {
                i++;
            }
            double n = start == i ? 1 : Double.parseDouble(c.substring(start, i));
            total = total.plus(Formula.parse(oxide).times(n));
        }
        if (total.isEmpty()) {
            throw new NotationException("no cement oxide letters", input, -1);
        }
        return new Reading(total, c, phase);
    }

    static Optional<String> phaseName(String text) {
        return Optional.ofNullable(PHASES.get(canonical(text)));
    }

    /** Maps an index in the canonical string back to the input (overlines and spaces were dropped). */
    private static int originalIndex(String input, int canonicalIndex) {
        int k = 0;
        for (int i = 0; i < input.length(); i++) {
            char ch = input.charAt(i);
            if (ch == '\u0305' || Character.isWhitespace(ch)) {
                continue;
            }
            if (k == canonicalIndex) {
                return i;
            }
            k++;
        }
        return input.length() - 1;
    }
}
