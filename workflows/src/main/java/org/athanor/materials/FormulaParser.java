package org.athanor.materials;

/** Recursive-descent parser behind {@link Formula}; keeps a map from cleaned positions to the user's positions. */
final class FormulaParser {

    /** Letters that stand for an unknown deviation from stoichiometry after '-', '+' or '±'. */
    private static final String VARIABLES = "xyzδεΔdη";

    private final String input;
    private final Formula.DotRule dotRule;
    private final String text;
    private final int[] origin;
    private int pos;
    private final java.util.List<String> terms = new java.util.ArrayList<>();

    FormulaParser(String input, Formula.DotRule dotRule) {
        if (input == null) {
            throw new NotationException("no formula given", "", -1);
        }
        this.input = input;
        this.dotRule = dotRule;
        StringBuilder sb = new StringBuilder(input.length());
        int[] map = new int[input.length() + 1];
        for (int i = 0; i < input.length(); i++) {
            char c = clean(input.charAt(i));
            if (Character.isWhitespace(c)) {
                continue;
            }
            map[sb.length()] = i;
            sb.append(c);
        }
        map[sb.length()] = input.length();
        this.text = sb.toString();
        this.origin = map;
    }

    /** Unicode subscripts to digits, the various middle dots to '·', brackets to parentheses, dashes to '-'. */
    static char clean(char c) {
        if (c >= '₀' && c <= '₉') {
            return (char) ('0' + (c - '₀'));
        }
        return switch (c) {
            case '•', '∙', '⋅', '*', '×', '・' -> '·';
            case '[', '{' -> '(';
            case ']', '}' -> ')';
            case '−', '–', '—', '‐' -> '-';
            case '\u00a0' -> ' ';
            default -> c;
        };
    }

    /** Amounts per element, accumulated without building intermediate compositions. */
    private static final class Amounts extends java.util.EnumMap<Element, Double> {
        Amounts() {
            super(Element.class);
        }

        void add(Element e, double n) {
            merge(e, n, Double::sum);
        }

        void addAll(Amounts other, double factor) {
            other.forEach((e, n) -> merge(e, n * factor, Double::sum));
        }
    }

    Composition parse() {
        if (text.isEmpty()) {
            throw new NotationException("empty formula", input, -1);
        }
        Amounts total = term();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '·' || c == '+' || c == '-' || c == '.') {
                pos++;
                if (pos >= text.length()) {
                    throw error("nothing after '" + c + "'", pos - 1);
                }
                total.addAll(term(), 1);
            } else {
                throw error("unexpected '" + c + "'", pos);
            }
        }
        if (total.isEmpty()) {
            throw new NotationException("no elements in '" + input + "'", input, -1);
        }
        return Composition.ofElements(total);
    }

    /** The terms of the last parse as written (cleaned), e.g. ["Na2O", "Al2O3", "2SiO2"]. */
    java.util.List<String> terms() {
        return java.util.List.copyOf(terms);
    }

    /** [coefficient] group+ */
    private Amounts term() {
        int start = pos;
        Amounts c = coefficientAndGroups();
        terms.add(text.substring(start, pos));
        return c;
    }

    private Amounts coefficientAndGroups() {
        double coefficient = 1;
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            coefficient = number(true);
            if (coefficient == 0) {
                throw error("coefficient 0", start);
            }
        }
        if (pos >= text.length() || !(Character.isUpperCase(text.charAt(pos)) || text.charAt(pos) == '(')) {
            if (pos >= text.length()) {
                throw error("a number with no formula after it", start);
            }
            throw unexpected(pos);
        }
        Amounts a = sequence(0);
        if (coefficient != 1) {
            double k = coefficient;
            a.replaceAll((e, n) -> n * k);
        }
        return a;
    }

    /** Elements and parenthesised groups with their amounts, up to a separator, ')' or the end. */
    private Amounts sequence(int depth) {
        Amounts comp = new Amounts();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isUpperCase(c)) {
                Element e = element();
                comp.add(e, amount());
            } else if (c == '(') {
                int open = pos++;
                Amounts inner = sequence(depth + 1);
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw error("'(' is never closed", open);
                }
                if (inner.isEmpty()) {
                    throw error("empty parentheses", open);
                }
                pos++;
                comp.addAll(inner, amount());
            } else if (c == ')') {
                if (depth == 0) {
                    throw error("')' without a matching '('", pos);
                }
                return comp;
            } else if (isDeviationMark(pos)) {
                pos += 2; // nominal formula: "O3-δ" → O3
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
            } else if (c == '·' || c == '+' || c == '-' || c == '.') {
                if (depth > 0) {
                    throw error("'" + c + "' inside parentheses", pos);
                }
                return comp;
            } else {
                throw unexpected(pos);
            }
        }
        return comp;
    }

    /** "-x", "+δ", "±δ", "-d" where the letter is not the start of a word. */
    private boolean isDeviationMark(int at) {
        char c = text.charAt(at);
        if ((c != '-' && c != '+' && c != '±') || at + 1 >= text.length() || at == 0) {
            return false;
        }
        char v = text.charAt(at + 1);
        if (VARIABLES.indexOf(v) < 0) {
            return false;
        }
        return at + 2 >= text.length() || !Character.isLowerCase(text.charAt(at + 2));
    }

    private Element element() {
        int start = pos;
        char first = text.charAt(pos);
        if (pos + 1 < text.length() && Character.isLowerCase(text.charAt(pos + 1))) {
            String two = text.substring(pos, pos + 2);
            var e = Element.bySymbol(two);
            if (e.isPresent()) {
                pos += 2;
                return e.get();
            }
            throw error("unknown element '" + two + "'", start);
        }
        var e = Element.bySymbol(String.valueOf(first));
        if (e.isEmpty()) {
            throw error("unknown element '" + first + "'", start);
        }
        pos++;
        return e.get();
    }

    /** The amount after an element or ')': a number, or 1 when none is written. */
    private double amount() {
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            return number(false);
        }
        return 1;
    }

    /**
     * Digits with an optional decimal part. For an amount (not a leading coefficient) a dot between digits may instead
     * separate two compounds, decided by the dot rule.
     */
    private double number(boolean coefficient) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            boolean zero = pos - start == 1 && text.charAt(start) == '0'; // "0.5" is always a decimal: no amount is 0
            // "H4.01CO2" is 4.01 H: a compound after a separating dot never has a coefficient starting with 0.
            boolean fractionDigits = text.charAt(pos + 1) == '0';
            boolean separates = !coefficient && pos > start && !zero && !fractionDigits
                    && (dotRule == Formula.DotRule.SEPARATOR || Formula.autoDotSeparates(text, pos));
            if (!separates) {
                pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        if (pos == start) {
            throw unexpected(pos);
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("malformed number '" + text.substring(start, pos) + "'", start);
        }
    }

    private NotationException unexpected(int at) {
        char c = text.charAt(at);
        if (Character.isLowerCase(c)) {
            return error("element symbols start with a capital letter: unexpected '" + c + "'", at);
        }
        if (Character.isDigit(c)) {
            return error("unexpected number", at);
        }
        return error("unexpected '" + c + "'", at);
    }

    private NotationException error(String message, int at) {
        return new NotationException(message, input, origin[Math.min(at, text.length())]);
    }
}
