package org.athanor.materials;

import java.util.regex.Pattern;

/**
 * Parses chemical formulas as chemists type them:
 * <ul>
 *   <li>parentheses and brackets, nested: {@code Ca3(PO4)2}, {@code K4[Fe(CN)6]};</li>
 *   <li>decimal amounts: {@code LiNi0.8Co0.15Al0.05O2}; Unicode subscripts: {@code Fe₂O₃};</li>
 *   <li>adducts and hydrates joined by {@code ·}, {@code •}, {@code *} or {@code .}: {@code CuSO4·5H2O}, {@code MgCl2.6H2O};</li>
 *   <li>sums of oxides or other compounds joined by {@code -} or {@code +} with coefficients:
 *       {@code SiO2-0.5Na2O-0.5Al2O3}, {@code 75Li2S-25P2S5}, {@code 2CaO + SiO2};</li>
 *   <li>nonstoichiometry marks give the nominal formula: {@code La0.6Sr0.4CoO3-δ}, {@code YBa2Cu3O7-x}, {@code Fe1-xO}.</li>
 * </ul>
 * A dot between two digits is a decimal point unless a hydrate or adduct follows ({@code MgCl2.6H2O}), the input already
 * uses dots as separators elsewhere ({@code Na2O.Al2O3.2SiO2}), or every dot-separated piece is a simple oxide
 * ({@code Al2O3.2SiO2}); {@link #parseOxideSum(String)} treats every such dot as a separator.
 *
 * <p>The result is the composition as written (coefficients applied, not reduced). Errors are {@link NotationException}s
 * that point at the offending character.
 */
public final class Formula {

    /** Adducts that follow a hydrate dot: "MgCl2.6H2O", "CaCl2.2NH3". */
    // After digits ("MgCl2.6H2O") only water and ammonia adducts count: "LiH4.1CO2" is 4.1 H, as printed from a
    // composition, and nobody writes a coefficient of 1 before an adduct.
    private static final Pattern ADDUCT_AFTER_DOT = Pattern.compile("(?!1(?!\\d))\\d*(H2O|D2O|NH3)([·.+\\-].*)?");
    /** A binary oxide, sulfide, halide, nitride or carbide with optional coefficient: "2SiO2", "Al2O3", "H2O". */
    private static final Pattern SIMPLE_PIECE = Pattern.compile("\\d*[A-Z][a-z]?\\d*(O|S|Se|F|Cl|N|C)\\d*");

    private Formula() {
    }

    /** The composition of a chemical formula as written; see the class comment for the accepted forms. */
    public static Composition parse(String text) {
        return new FormulaParser(text, DotRule.AUTO).parse();
    }

    /** Like {@link #parse(String)} but every dot after an amount separates compounds ({@code Al2O3.2SiO2}). */
    public static Composition parseOxideSum(String text) {
        return new FormulaParser(text, DotRule.SEPARATOR).parse();
    }

    /**
     * The compounds a formula is written as, in order, each with its coefficient: "Na2O·Al2O3·2SiO2" gives
     * [Na2O, Al2O3, 2SiO2]; "BaTiO3" gives [BaTiO3]. Throws like {@link #parse(String)}.
     */
    public static java.util.List<String> terms(String text) {
        return parseWithTerms(text).terms();
    }

    /** A composition with the terms it was written as. */
    record Parsed(Composition composition, java.util.List<String> terms) {
    }

    static Parsed parseWithTerms(String text) {
        FormulaParser p = new FormulaParser(text, DotRule.AUTO);
        Composition c = p.parse();
        return new Parsed(c, p.terms());
    }

    /** True if {@code text} parses as a formula. */
    public static boolean isFormula(String text) {
        try {
            parse(text);
            return true;
        } catch (NotationException e) {
            return false;
        }
    }

    /** How a dot between two digits is read. */
    enum DotRule { AUTO, SEPARATOR }

    /**
     * Whether the dot at {@code dot} (which follows an amount) separates compounds under the AUTO rule.
     * {@code text} is the cleaned input (ASCII digits, '·' for middle dots).
     */
    static boolean autoDotSeparates(String text, int dot) {
        String after = text.substring(dot + 1);
        if (ADDUCT_AFTER_DOT.matcher(after).matches()) {
            return true;
        }
        boolean anyAmountDot = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '.') {
                continue;
            }
            char prev = i > 0 ? text.charAt(i - 1) : ' ';
            if (Character.isLetter(prev) || prev == ')') {
                return true; // "Na2O.Al2O3.2SiO2": dots already used as separators
            }
            anyAmountDot = true;
        }
        if (!anyAmountDot) {
            return false;
        }
        for (String piece : text.split("[.·]")) {
            if (!SIMPLE_PIECE.matcher(piece).matches()) {
                return false;
            }
        }
        return true;
    }
}
