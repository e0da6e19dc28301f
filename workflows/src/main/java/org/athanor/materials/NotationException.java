package org.athanor.materials;

/**
 * Input that is not a formula, oxide sum, cement notation or known name. The message names the offending character
 * or word and its 1-based position, and {@link #pointer()} draws a caret under it for terminal output.
 */
public class NotationException extends IllegalArgumentException {

    private final String input;
    private final int position;

    /** @param position 0-based index of the offending character in {@code input}, or -1 when the whole input is at fault */
    public NotationException(String message, String input, int position) {
        super(position >= 0 ? message + " at position " + (position + 1) + " in '" + input + "'" : message);
        this.input = input;
        this.position = position;
    }

    /** User-input errors need no stack trace, and the text scanner tries many tokens that fail: keep them cheap. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public String input() {
        return input;
    }

    /** 0-based index of the offending character, -1 if the whole input is at fault. */
    public int position() {
        return position;
    }

    /** The input with a caret under the offending character, e.g. {@code "BaXxO3\n  ^"}; the input alone without a position. */
    public String pointer() {
        if (position < 0 || input == null) {
            return input == null ? "" : input;
        }
        return input + "\n" + " ".repeat(Math.min(position, input.length())) + "^";
    }
}
