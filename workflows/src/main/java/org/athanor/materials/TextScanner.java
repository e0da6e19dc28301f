package org.athanor.materials;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds formulas, names and notations in free text ("Calcine limestone to quicklime (CaO) at 1000 °C" → limestone,
 * quicklime, CaO) without reading ordinary words as formulas.
 *
 * <p>Two passes. Formula-like tokens (runs of letters, digits, brackets, dots and dashes) are accepted when they carry a
 * digit or a lower-case letter inside a symbol (CuO, C3S, Na2O·Al2O3·2SiO2), or are an abbreviation from the name
 * table written in its own case (LFP, YSZ). Bare capitals (XRD, ICP, UV, SPS) and the two-letter symbols that are
 * English words (In, As, No, Be, He, At...) are never formulas. Then runs of up to five words are looked up as
 * names, longest first (potassium nitrate, iron(III) oxide, copper). A structure-type name directly beside another
 * match describes it ("LiMn2O4 spinel") and is dropped.
 */
final class TextScanner {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}₀-₉()\\[\\]·•.\\-+δ$\u0305]+");
    private static final Pattern PHRASE = Pattern.compile("[\\p{L}'’()IVXivx,]+(?:[ \\-][\\p{L}'’()IVXivx,]+)*");
    private static final Pattern NUMERAL = Pattern.compile("\\([IVXivx,]+\\)");
    /** A hyphen followed by an English word ending a token: "-coated", "-doped", "-based", "-rich". */
    private static final Pattern WORD_SUFFIX = Pattern.compile("-[a-z]{2,}.*$");
    private static final Pattern X_RAY_LINE = Pattern.compile("[\\s-]*(?:Kα|Kβ|K-alpha|K-beta|Ka1|Ka\\b|K α)");
    private static final Set<String> DOPANT_WORDS = Set.of("doped", "substituted", "containing", "bearing");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’]*(?:\\((?:[IVivx,]+)\\))?");
    /** Two-letter symbols that are common English words or abbreviations. */
    private static final Set<String> ENGLISH = Set.of("In", "As", "No", "Be", "He", "At", "Am", "Es", "Ho", "Pa", "Po",
            "Re", "Mt", "Md", "Db", "Hi", "Bi", "Cm", "Pm", "Ds", "Nb", "Sc", "Ne", "Tb");
    /** All-capital formulas that are real compounds in synthesis text. */
    private static final Set<String> CAPITAL_FORMULAS = Set.of("CO", "HF", "BN", "KF", "KI", "NO", "SiC");
    /** Words never read as names even though the name table or element list has them. */
    private static final Set<String> NOT_NAMES = Set.of("lead", "can", "tin can", "ruby", "diamond", "marble", "water");

    private TextScanner() {
    }

    static List<TextMatch> scan(String text) {
        List<TextMatch> found = new ArrayList<>();
        tokens(text, found);
        names(text, found);
        found.sort(Comparator.comparingInt(TextMatch::start).thenComparingInt(m -> -(m.end() - m.start())));
        List<TextMatch> kept = new ArrayList<>();
        for (TextMatch m : found) {
            if (kept.isEmpty() || m.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(m);
            }
        }
        return dropDescriptors(text, kept);
    }

    private static void tokens(String text, List<TextMatch> found) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            while (end > start && ".,;:-+".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            while (start < end && (text.charAt(start) == '(' || text.charAt(start) == '[') && unbalanced(text, start, end)) {
                start++;
            }
            while (end > start && (text.charAt(end - 1) == ')' || text.charAt(end - 1) == ']') && unbalanced(text, start, end)) {
                end--;
            }
            while (end - start > 2 && text.charAt(start) == '(' && matchingClose(text, start) == end - 1) {
                start++;
                end--; // "(C2S)" is C2S in brackets
            }
            if (end <= start) {
                continue;
            }
            Matcher suffix = WORD_SUFFIX.matcher(text.substring(start, end));
            if (suffix.find() && suffix.start() > 0) {
                String head = text.substring(start, start + suffix.start());
                String word = suffix.group().substring(1);
                boolean compound = head.chars().anyMatch(Character::isDigit) || head.chars().filter(Character::isUpperCase).count() > 1;
                if (compound || DOPANT_WORDS.stream().anyMatch(word::startsWith)) {
                    end = start + suffix.start(); // "TiO2-coated", "LiFePO4-based", "Al-doped"; not "Co-precipitate"
                }
            }
            String token = text.substring(start, end);
            if (X_RAY_LINE.matcher(text).region(end, text.length()).lookingAt()) {
                continue; // "Cu Kα radiation" names an X-ray source, not a material
            }
            int at = start;
            formulaToken(token).ifPresent(n -> found.add(new TextMatch(at, at + token.length(), n)));
        }
    }

    private static int matchingClose(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unbalanced(String text, int start, int end) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth < 0) {
                    return true;
                }
            }
        }
        return depth != 0;
    }

    private static Optional<NormalizedFormula> formulaToken(String token) {
        Optional<NameTable.Entry> abbreviation = NameTable.standard().abbreviation(token);
        if (abbreviation.isPresent()) {
            return NotationNormalizer.name(token, token);
        }
        boolean digit = token.chars().anyMatch(Character::isDigit);
        boolean lower = token.chars().anyMatch(Character::isLowerCase);
        if (!token.chars().anyMatch(Character::isUpperCase) || !Character.isUpperCase(firstLetter(token))) {
            return Optional.empty();
        }
        if (!digit && !lower && !CAPITAL_FORMULAS.contains(token) && !token.contains("-") && !token.contains("\u0305")
                && !token.contains("$")) {
            return Optional.empty(); // XRD, ICP, UV, C, K
        }
        if (!digit && ENGLISH.contains(token)) {
            return Optional.empty();
        }
        if (token.contains("-") && !digit && !CementNotation.isKnownPhase(token)) {
            return Optional.empty(); // "Co-precipitate" is not a formula sum
        }
        if (CementNotation.usesCementAlphabet(token) && !CementNotation.isKnownPhase(token) && !digit) {
            return Optional.empty();
        }
        try {
            NormalizedFormula n = NotationNormalizer.normalize(token, Notation.AUTO);
            return n.notation() == Notation.NAME ? Optional.empty() : Optional.of(n);
        } catch (NotationException e) {
            return Optional.empty();
        }
    }

    private static char firstLetter(String token) {
        for (char c : token.toCharArray()) {
            if (Character.isLetter(c)) {
                return c;
            }
        }
        return ' ';
    }

    private record Word(int start, int end) {
    }

    private static void names(String text, List<TextMatch> found) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.start(), m.end()));
        }
        int longest = Math.max(5, NameTable.standard().longestNameWords());
        for (int i = 0; i < words.size(); i++) {
            Word head = words.get(i);
            if (!canStartAName(text.substring(head.start(), head.end()))) {
                continue;
            }
            for (int n = Math.min(longest, words.size() - i); n >= 1; n--) {
                Word first = words.get(i);
                Word last = words.get(i + n - 1);
                String phrase = text.substring(first.start(), last.end());
                if (!PHRASE.matcher(phrase).matches()) {
                    continue; // words must be separated by one space or hyphen
                }
                Optional<NormalizedFormula> n0 = nameReading(phrase);
                if (n0.isPresent()) {
                    found.add(new TextMatch(first.start(), last.end(), n0.get()));
                    i += n - 1;
                    break;
                }
            }
        }
    }

    /** First words of the table's names, lower case ("soda" of "soda ash", "h" of "h-BN"). */
    private static final Set<String> FIRST_WORDS = NameTable.standard().entries().stream()
            .map(e -> e.name().toLowerCase(java.util.Locale.ROOT).split("[ \\-]")[0])
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static boolean canStartAName(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return FIRST_WORDS.contains(w) || SystematicNames.knowsWord(w);
    }

    private static Optional<NormalizedFormula> nameReading(String phrase) {
        String lower = phrase.toLowerCase(java.util.Locale.ROOT);
        if (NOT_NAMES.contains(lower) || phrase.length() < 3) {
            return Optional.empty();
        }
        Optional<NameTable.Entry> e = NameTable.standard().lookup(phrase);
        if (e.isPresent() && e.get().isAbbreviation()) {
            return Optional.empty(); // abbreviations only in their own case, handled as tokens
        }
        if (e.isEmpty() && !phrase.contains(" ") && Element.byName(phrase).isEmpty()) {
            return Optional.empty();
        }
        String withoutNumerals = NUMERAL.matcher(phrase).replaceAll("");
        if (!withoutNumerals.equals(withoutNumerals.toLowerCase(java.util.Locale.ROOT))
                && !Character.isUpperCase(phrase.charAt(0))) {
            return Optional.empty(); // "iRON" is not a word anyone writes
        }
        return NotationNormalizer.name(phrase, phrase);
    }

    /** Drops a structure-type name ("spinel", "perovskite") written right beside another match. */
    private static List<TextMatch> dropDescriptors(String text, List<TextMatch> matches) {
        List<TextMatch> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            TextMatch m = matches.get(i);
            boolean structure = m.normalized().notation() == Notation.NAME
                    && NameTable.standard().lookup(m.text()).map(NameTable.Entry::isStructureType).orElse(false);
            boolean besidePrevious = i > 0 && text.substring(matches.get(i - 1).end(), m.start()).isBlank();
            boolean besideNext = i + 1 < matches.size() && text.substring(m.end(), matches.get(i + 1).start()).isBlank();
            if (structure && (besidePrevious || besideNext)) {
                continue;
            }
            out.add(m);
        }
        return out;
    }
}
