package org.athanor.materials;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what chemists write into a canonical reduced formula and composition: formulas, oxide sums and mole-ratio
 * mixtures, cement notation, and common, mineral, trade and systematic names and abbreviations.
 *
 * <p>With {@link Notation#AUTO} a formula written with formula capitalisation (a capital right after a small letter:
 * TiN, CoO) is read as that formula. Otherwise the readings are tried in this order: the name table ({@code names.csv}: lime,
 * quartz, NMC811...), systematic names built by charge balance (barium titanate, iron(III) oxide), element names
 * (copper, hydrogen → H2), cement notation when the input is a known cement phase (C3S, C2S, C3A, C4AF, C-S-H, ...) or
 * uses a sign only cement notation has (A, M, T, S̅, $), then chemical formulas and oxide sums. The other notations
 * force one reading ({@code CEMENT} reads "CS" as wollastonite; {@code OXIDE} reads every dot after an amount as a
 * separator).
 */
public final class NotationNormalizer {

    /** Elements that exist as diatomic molecules: "hydrogen" means H2. */
    private static final Set<String> DIATOMIC = Set.of("H", "N", "O", "F", "Cl", "Br", "I");
    /** Adducts after a hydrate dot do not make an input an oxide sum. */
    private static final Set<String> ADDUCTS = Set.of("H2O", "D2O", "NH3", "H2O2", "HF");

    private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile("^[0-9.]+");
    /** A capital straight after a small letter ("TiN", "CoO"): formula capitalisation. */
    private static final java.util.regex.Pattern FORMULA_CAPITALS = java.util.regex.Pattern.compile("\\p{Ll}\\p{Lu}");
    private static final java.util.regex.Pattern THREE_LOWER = java.util.regex.Pattern.compile("[a-z]{3,}");
    private static final java.util.regex.Pattern LOWER_BETWEEN_DIGITS = java.util.regex.Pattern.compile("\\d.*[a-z]{3,}.*\\d");

    private NotationNormalizer() {
    }

    /** Normalises one input; throws {@link NotationException} naming the offending character or word. */
    public static NormalizedFormula normalize(String input, Notation notation) {
        if (input == null || input.isBlank()) {
            throw new NotationException("empty input: expected a formula, oxide sum, cement notation or name", input == null ? "" : input, -1);
        }
        String s = input.strip();
        return switch (notation) {
            case FORMULA -> formula(input, Formula.parse(s), Notation.FORMULA);
            case OXIDE -> formula(input, Formula.parseOxideSum(s), Notation.OXIDE);
            case CEMENT -> cement(input, s);
            case NAME -> name(input, s).orElseThrow(() -> unknownName(input, s));
            case AUTO -> auto(input, s);
        };
    }

    /** {@link Notation#AUTO}. */
    public static NormalizedFormula normalize(String input) {
        return normalize(input, Notation.AUTO);
    }

    /** Formulas, names and notations in a sentence, in order of position; see {@link TextScanner}. */
    public static List<TextMatch> findInText(String text) {
        return TextScanner.scan(text == null ? "" : text);
    }

    private static NormalizedFormula auto(String input, String s) {
        String inner = enclosed(s);
        if (inner != null && !inner.isBlank()) {
            // "(C2S)" is how the phase is written after a name ("belite (C2S)"): the brackets only set it apart.
            return auto(input, inner.strip());
        }
        if (FORMULA_CAPITALS.matcher(s).find() && Formula.isFormula(s)) {
            // "TiN", "CoO", "NiO": a capital straight after a small letter is how formulas are written, never words,
            // so a formula that parses wins over a name read without regard to case ("tin", "coo").
            Formula.Parsed p = Formula.parseWithTerms(s);
            return formula(input, p.composition(), isOxideSum(p.terms()) ? Notation.OXIDE : Notation.FORMULA);
        }
        Optional<NormalizedFormula> named = name(input, s);
        if (named.isPresent()) {
            return named.get();
        }
        if (CementNotation.usesCementAlphabet(s)
                && (CementNotation.isKnownPhase(s) || CementNotation.hasCementOnlySign(s) || !Formula.isFormula(s))) {
            return cement(input, s);
        }
        try {
            Formula.Parsed p = Formula.parseWithTerms(s);
            return formula(input, p.composition(), isOxideSum(p.terms()) ? Notation.OXIDE : Notation.FORMULA);
        } catch (NotationException e) {
            if (looksLikeWords(s)) {
                throw unknownName(input, s);
            }
            throw e;
        }
    }

    /** The text inside one pair of brackets that encloses the whole input, or null: "(C2S)" yes, "(NH4)2SO4" no. */
    private static String enclosed(String s) {
        char open = s.charAt(0);
        char close = open == '(' ? ')' : open == '[' ? ']' : 0;
        if (close == 0 || s.charAt(s.length() - 1) != close) {
            return null;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0 && i < s.length() - 1) {
                return null;
            }
        }
        return depth == 0 ? s.substring(1, s.length() - 1) : null;
    }

    /** More than one compound, and not just a compound with water or ammonia of crystallisation. */
    private static boolean isOxideSum(List<String> terms) {
        if (terms.size() < 2) {
            return false;
        }
        for (String t : terms.subList(1, terms.size())) {
            if (!ADDUCTS.contains(LEADING_NUMBER.matcher(t).replaceFirst(""))) {
                return true;
            }
        }
        return false;
    }

    static Optional<NormalizedFormula> name(String input, String s) {
        Optional<NameTable.Entry> entry = NameTable.standard().lookup(s);
        if (entry.isPresent()) {
            NameTable.Entry e = entry.get();
            List<String> alternatives = e.alternatives().stream().map(a -> Formula.parse(a).reduced().formula()).toList();
            return Optional.of(result(input, e.composition(), Notation.NAME, e.name(), alternatives, false, e.formula()));
        }
        Optional<SystematicNames.Reading> systematic = SystematicNames.read(s);
        if (systematic.isPresent()) {
            List<String> alternatives = systematic.get().alternatives().stream()
                    .map(a -> Formula.parse(a).reduced().formula()).toList();
            // The built formula is how the name is written when it is plain ("zinc titanate" ZnTiO3); a bracketed one
            // balances a metal's oxoanion ("cobalt aluminate" Co(AlO2)2), which chemists write as the double oxide the
            // name table lists (CoAl2O4) or, failing that, canonically.
            String built = systematic.get().formula();
            return Optional.of(result(input, Formula.parse(built), Notation.NAME, s, alternatives, false, built.contains("(") ? null : built));
        }
        Optional<Element> element = Element.byName(s);
        if (element.isPresent()) {
            Element el = element.get();
            Composition c = Composition.of(el, DIATOMIC.contains(el.symbol()) ? 2 : 1);
            return Optional.of(result(input, c, Notation.NAME, el.englishName(), List.of(), false, null));
        }
        return Optional.empty();
    }

    private static NormalizedFormula cement(String input, String s) {
        CementNotation.Reading r = CementNotation.read(s);
        String name = r.phase() != null ? r.phase() : null;
        return result(input, r.composition(), Notation.CEMENT, name, List.of(), false, null);
    }

    private static NormalizedFormula formula(String input, Composition raw, Notation notation) {
        return result(input, raw, notation, null, List.of(), notation == Notation.OXIDE, null);
    }

    /**
     * Reduces the composition; an oxide sum or mixture is first scaled to whole numbers when a multiplier up to 100
     * does it (0.75Li2S-0.25P2S5 → Li3PS4), site occupancies in a single formula are never scaled. {@code written}, the
     * formula as a name stands for it, is kept as the conventional formula when it states the reduced composition.
     */
    private static NormalizedFormula result(String input, Composition raw, Notation notation, String name,
            List<String> alternatives, boolean mixture, String written) {
        Composition c = raw;
        if (mixture) {
            int k = raw.wholeNumberMultiplier(100);
            if (k > 1) {
                c = raw.times(k);
            }
        }
        if (c.elements().size() > 1) {
            c = c.reduced(); // an element stays as written: hydrogen is H2, not H
        }
        String conventional = written != null && sameAmounts(Formula.parse(written), c) ? written : c.formula();
        return new NormalizedFormula(input, c.formula(), c, notation, name, alternatives, conventional);
    }

    private static boolean sameAmounts(Composition a, Composition b) {
        var x = a.asMap();
        var y = b.asMap();
        return x.keySet().equals(y.keySet()) && x.entrySet().stream().allMatch(e -> Math.abs(e.getValue() - y.get(e.getKey())) < 1e-9);
    }

    private static boolean looksLikeWords(String s) {
        return THREE_LOWER.matcher(s).find() && !LOWER_BETWEEN_DIGITS.matcher(s).find();
    }

    private static NotationException unknownName(String input, String s) {
        int offset = input.indexOf(s);
        int at = 0;
        for (String word : s.split("[\\s]+")) {
            int idx = s.indexOf(word, at);
            if (!SystematicNames.knowsWord(word) && NameTable.standard().lookup(word).isEmpty()) {
                return new NotationException("unknown word '" + word + "': not a formula, cement phase or known name",
                        input, offset + idx);
            }
            at = idx + word.length();
        }
        return new NotationException("'" + s + "' is not a known name, and its words do not combine into a compound",
                input, -1);
    }
}
