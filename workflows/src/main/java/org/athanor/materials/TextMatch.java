package org.athanor.materials;

/**
 * A formula, name or notation found in free text, with its character span {@code [start, end)} in that text.
 */
public record TextMatch(int start, int end, NormalizedFormula normalized) {

    /** The matched text. */
    public String text() {
        return normalized.input();
    }
}
