package org.athanor.agent.planner.goal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which characters of the goal some reader has accounted for. What is left, minus words that carry no instruction
 * ("make", "the", "powder"), is reported to the user as not understood, so nothing is dropped silently.
 */
final class Coverage {

    /** Words that carry no instruction of their own: verbs of making, articles, glue and generic nouns. */
    private static final Set<String> FILLER = Set.of(
            "make", "makes", "making", "synthesize", "synthesise", "synthesis", "prepare", "produce", "obtain", "form",
            "calcine", "calcined", "sinter", "anneal", "fire", "heat", "heated", "heating", "react", "grow", "get", "create",
            "want", "need", "would", "like", "please", "could", "you", "can", "i", "we", "me", "us", "our", "my",
            "of", "a", "an", "the", "some", "and", "then", "with", "by", "to", "it", "its", "for", "in", "at", "on", "into",
            "from", "using", "use", "via", "as", "or", "afterwards", "after", "that", "this", "is", "be", "are", "also",
            "powder", "powders", "sample", "samples", "product", "compound", "material", "phase", "pure", "phase-pure", "purity",
            "single-phase", "single", "ceramic", "crystalline", "polycrystalline", "solid-state", "solid", "state", "route",
            "reaction", "confirm", "confirmed", "check", "checked", "checking", "record", "measure", "measured",
            "characterize", "characterise", "verify", "run", "take", "collect", "acquire", "do", "perform", "pattern",
            "spectrum", "spectra", "scan", "analysis", "analyse", "analyze", "study", "mix", "mixed", "grind", "mill",
            "keep", "stay", "furnace", "temperature", "both", "all", "each", "so", "until", "up", "total", "batch",
            "precursor", "precursors", "starting", "materials", "target", "about", "approximately", "around", "roughly",
            "new", "fresh", "nominal", "composition", "stoichiometric", "high-purity", "fine", "which", "should", "must",
            "may", "not", "no", "only", "just", "atmosphere", "gas", "flowing", "under", "ramp", "ramping", "rate", "hold",
            "holding", "dwell", "let", "allow", "cool", "cooling", "down", "naturally", "afterward", "finally", "first",
            "next", "batches", "well", "too", "either", "own", "here", "there", "what", "how", "will", "have", "has",
            "time", "times", "min", "h", "reduce", "melt", "calcining", "sintering", "annealing", "firing", "prepared",
            // Structure types and uses qualify a target without changing its composition.
            "spinel", "perovskite", "pyrochlore", "garnet", "olivine", "rutile", "anatase", "ferrite", "hexaferrite",
            "layered", "cathode", "anode", "electrolyte", "cement", "phosphor", "pigment", "catalyst", "ceramics");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\-'.]*");

    private final String text;
    private final boolean[] covered;

    Coverage(String text) {
        this.text = text;
        this.covered = new boolean[text.length()];
    }

    void cover(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, covered.length); i++) {
            covered[i] = true;
        }
    }

    boolean isFree(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, covered.length); i++) {
            if (covered[i]) {
                return false;
            }
        }
        return true;
    }

    /** Runs of uncovered words that are not filler, each as it appears in the goal. */
    List<String> leftovers() {
        List<String> fragments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int lastEnd = -1;
        while (m.find()) {
            String word = trimPunctuation(m.group());
            boolean free = isFree(m.start(), m.end());
            boolean meaningful = free && !word.isEmpty() && !FILLER.contains(word.toLowerCase(Locale.ROOT));
            boolean adjacent = lastEnd >= 0 && text.substring(lastEnd, m.start()).isBlank();
            if (meaningful) {
                if (run.length() > 0 && !adjacent) {
                    fragments.add(run.toString());
                    run.setLength(0);
                }
                if (run.length() > 0) {
                    run.append(' ');
                }
                run.append(word);
                lastEnd = m.end();
            } else if (run.length() > 0) {
                fragments.add(run.toString());
                run.setLength(0);
                lastEnd = -1;
            }
        }
        if (run.length() > 0) {
            fragments.add(run.toString());
        }
        return fragments;
    }

    private static String trimPunctuation(String word) {
        int end = word.length();
        while (end > 0 && (word.charAt(end - 1) == '.' || word.charAt(end - 1) == '\'' || word.charAt(end - 1) == '-')) {
            end--;
        }
        return word.substring(0, end);
    }
}
