package org.athanor.crystal;

/** A CIF that cannot be read, with the file, the line (1-based; 0 when not tied to a line) and the reason. */
public class CifException extends RuntimeException {

    private final String source;
    private final int line;
    private final String reason;

    public CifException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
