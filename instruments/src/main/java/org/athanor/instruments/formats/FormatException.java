package org.athanor.instruments.formats;

import java.nio.file.Path;

/**
 * A data file that cannot be read: names the file, the line (1-based, 0 when the problem is the file as a whole)
 * and the reason, so a scientist can open the file and fix it.
 */
public class FormatException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public FormatException(Path file, int line, String reason) {
        this(file == null ? "<input>" : file.toString(), line, reason, null);
    }

    public FormatException(String file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
