package org.athanor.safety.hazard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small, private reader of formula strings ("KNO3", "Co(NO3)2·6H2O", "FeC2O4*2H2O"): which elements, which
 * polyatomic ions, whether water of crystallisation is present. It describes a formula; deciding what that means
 * (an oxidiser, a fuel) is the classification rules' job.
 */
public final class FormulaScan {

    private static final Set<String> ELEMENTS = Set.of(
            "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
            "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y",
            "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce",
            "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir",
            "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am");

    /** Non-metals and the metalloids that behave as non-metals in a precursor (B, Si, As, Se, Te). */
    private static final Set<String> NON_METALS = Set.of(
            "H", "He", "B", "C", "N", "O", "F", "Ne", "Si", "P", "S", "Cl", "Ar", "As", "Se", "Br", "Kr", "Te", "I", "Xe",
            "At", "Rn");

    /** Polyatomic ions recognised in the anhydrous part, longest first so "HCO3" is seen before "CO3". */
    private static final List<String> IONS = List.of(
            "CH3COO", "C2H3O2", "Cr2O7", "HCO3", "ClO4", "ClO3", "MnO4", "CrO4", "NO3", "NO2", "CO3", "SO4", "SO3",
            "PO4", "NH4", "C2O4", "BH4", "OH", "N3");

    private FormulaScan() {
    }

    /** What a formula string says; {@code readable} is false for text that is not a formula. */
    public record Scan(String formula, boolean readable, Map<String, Double> counts, Set<String> metals,
                       Set<String> nonMetals, Set<String> ions, boolean hydrate) {

        public boolean elemental() {
            return readable && counts.size() == 1 && !hydrate;
        }
    }

    public static Scan scan(String formula) {
        String text = formula == null ? "" : formula.strip();
        String[] parts = text.split("[·*•]");
        String anhydrous = parts[0];
        boolean hydrate = parts.length > 1;
        Map<String, Double> counts = new LinkedHashMap<>();
        Set<String> metals = new TreeSet<>();
        Set<String> nonMetals = new TreeSet<>();
        try {
            if (anhydrous.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            Map<String, Double> main = parse(anhydrous);
            for (String e : main.keySet()) {
                (NON_METALS.contains(e) ? nonMetals : metals).add(e);
            }
            main.forEach((e, n) -> counts.merge(e, n, Double::sum));
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().replaceFirst("^[0-9]*(\\.[0-9]+)?", "");
                parse(p.isEmpty() ? "H2O" : p).forEach((e, n) -> counts.merge(e, n, Double::sum));
            }
        } catch (IllegalArgumentException e) {
            return new Scan(text, false, Map.of(), Set.of(), Set.of(), Set.of(), false);
        }
        if ("H2O".equals(anhydrous)) {
            hydrate = true;
        }
        return new Scan(text, true, Map.copyOf(counts), Set.copyOf(metals), Set.copyOf(nonMetals), ions(anhydrous), hydrate);
    }

    private static Set<String> ions(String anhydrous) {
        Set<String> found = new TreeSet<>();
        String rest = anhydrous;
        for (String ion : IONS) {
            int at = rest.indexOf(ion);
            if (at >= 0 && !followedByLowercase(rest, at + ion.length())) {
                found.add(ion);
                rest = rest.replace(ion, "|");
            }
        }
        return Set.copyOf(found);
    }

    private static boolean followedByLowercase(String s, int i) {
        return i < s.length() && Character.isLowerCase(s.charAt(i));
    }

    /** Element counts of a formula with nested (), [] groups and decimal subscripts. */
    private static Map<String, Double> parse(String s) {
        int[] pos = {0};
        Map<String, Double> out = group(s, pos);
        if (pos[0] != s.length()) {
            throw new IllegalArgumentException("unexpected '" + s.charAt(pos[0]) + "'");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no elements");
        }
        return out;
    }

    private static Map<String, Double> group(String s, int[] pos) {
        Map<String, Double> out = new LinkedHashMap<>();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == '(' || c == '[') {
                pos[0]++;
                Map<String, Double> inner = group(s, pos);
                if (pos[0] >= s.length() || (s.charAt(pos[0]) != ')' && s.charAt(pos[0]) != ']')) {
                    throw new IllegalArgumentException("unclosed group");
                }
                pos[0]++;
                double n = number(s, pos);
                inner.forEach((e, k) -> out.merge(e, k * n, Double::sum));
            } else if (c == ')' || c == ']') {
                return out;
            } else if (Character.isUpperCase(c)) {
                int start = pos[0]++;
                while (pos[0] < s.length() && Character.isLowerCase(s.charAt(pos[0]))) {
                    pos[0]++;
                }
                String symbol = s.substring(start, pos[0]);
                if (!ELEMENTS.contains(symbol)) {
                    throw new IllegalArgumentException("unknown element " + symbol);
                }
                out.merge(symbol, number(s, pos), Double::sum);
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "'");
            }
        }
        return out;
    }

    private static double number(String s, int[] pos) {
        int start = pos[0];
        while (pos[0] < s.length() && (Character.isDigit(s.charAt(pos[0])) || s.charAt(pos[0]) == '.')) {
            pos[0]++;
        }
        return start == pos[0] ? 1.0 : Double.parseDouble(s.substring(start, pos[0]));
    }

    /**
     * The formula's composition as a spelling-free key: elements in alphabetical order, each with its share of the
     * atoms (water of crystallisation counted), so "NH4NO3", "H4N2O3" and "N2H4O3" share one key, and so do "K2S2O8"
     * and its reduced form "KSO4". A hazard is a property of the compound, not of how it was typed. Empty for text
     * that is not a formula.
     */
    public static String compositionKey(String formula) {
        Scan scan = scan(formula);
        if (!scan.readable()) {
            return "";
        }
        double atoms = scan.counts().values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder key = new StringBuilder();
        for (String e : new TreeSet<>(scan.counts().keySet())) {
            key.append(e).append(':').append(Math.round(scan.counts().get(e) / atoms * 1e6)).append(' ');
        }
        return key.toString().strip();
    }

    /** The formula's spelling used as a table key: no spaces, one hydrate dot. */
    public static String key(String formula) {
        if (formula == null) {
            return "";
        }
        if (isKey(formula)) {
            // Already a key (the usual case): returned as it is, without the regular expression's cost.
            return formula;
        }
        return formula.strip().replace(" ", "").replaceAll("[*•]", "·");
    }

    /** True when {@link #key} would leave the text unchanged: no white space, '*' or '•' anywhere. */
    private static boolean isKey(String formula) {
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (c == '*' || c == '•' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
