package org.athanor.instruments.config;

/** A lab configuration that cannot be used: names the file, the line and column (1-based; 0 when unknown) and why. */
public class LabConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public LabConfigException(String file, int line, int column, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
