package org.athanor.workflow.approval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.athanor.workflow.Step;

/**
 * Writes a step whose parameters are plain JSON straight to its canonical bytes: the same bytes Jackson writes for it
 * with sorted properties and map keys ({@link ApprovalTokens#canonicalBytes}), without Jackson's per-call setup, which
 * was most of the cost of a token. It covers only what it writes exactly as Jackson does: maps with text keys, lists,
 * text, booleans, {@code Integer}, {@code Long} and finite {@code Double}; anything else (null values, other number
 * types, NaN, text with unpaired surrogates) returns null and the caller takes the Jackson route. The agreement with
 * Jackson is tested on random steps (CanonicalStepWriterTest).
 */
final class CanonicalStepWriter {

    /** JSON's two-character escapes; Jackson writes every other control character as {@code \}{@code u00XX}. */
    private static final char[] SHORT_ESCAPES = new char[32];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        SHORT_ESCAPES['\b'] = 'b';
        SHORT_ESCAPES['\t'] = 't';
        SHORT_ESCAPES['\n'] = 'n';
        SHORT_ESCAPES['\f'] = 'f';
        SHORT_ESCAPES['\r'] = 'r';
    }

    private byte[] out = new byte[256];
    private int size;
    /** Set when a text could not be written exactly as Jackson would; checked before the bytes are used. */
    private boolean failed;

    private CanonicalStepWriter() {
    }

    /** The step's canonical bytes, or null when a part of it is outside what this writer covers. */
    static byte[] write(Step step) {
        CanonicalStepWriter w = new CanonicalStepWriter();
        return w.step(step) ? Arrays.copyOf(w.out, w.size) : null;
    }

    /** Record components in alphabetical order, null ones left out (Step is {@code @JsonInclude(NON_NULL)}). */
    private boolean step(Step step) {
        put('{');
        boolean first = true;
        if (step.action() != null) {
            first = name("action", first);
            text(step.action().json());
        }
        if (step.after() != null) {
            first = name("after", first);
            if (!value(step.after())) {
                return false;
            }
        }
        if (step.id() != null) {
            first = name("id", first);
            text(step.id());
        }
        if (step.instrument() != null) {
            first = name("instrument", first);
            text(step.instrument());
        }
        first = name("params", first);
        if (!value(step.params())) {
            return false;
        }
        if (step.sample() != null) {
            name("sample", first);
            text(step.sample());
        }
        put('}');
        return !failed;
    }

    private boolean name(String name, boolean first) {
        if (!first) {
            put(',');
        }
        text(name);
        put(':');
        return false;
    }

    private boolean value(Object v) {
        if (v instanceof String s) {
            text(s);
        } else if (v instanceof Map<?, ?> m) {
            return map(m);
        } else if (v instanceof List<?> list) {
            put('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    put(',');
                }
                if (!value(list.get(i))) {
                    return false;
                }
            }
            put(']');
        } else if (v instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long) {
            ascii(v.toString());
        } else if (v instanceof Double d && Double.isFinite(d)) {
            number(d);
        } else {
            return false;
        }
        return !failed;
    }

    /** Entries in the natural order of their keys, as Jackson's ORDER_MAP_ENTRIES_BY_KEYS sorts text keys. */
    private boolean map(Map<?, ?> m) {
        if (m instanceof SortedMap<?, ?>) {
            // Jackson keeps a sorted map's own order, whatever its comparator; left to Jackson.
            return false;
        }
        int n = m.size();
        String[] keys = new String[n];
        int k = 0;
        for (Object key : m.keySet()) {
            if (!(key instanceof String s)) {
                return false;
            }
            keys[k++] = s;
        }
        if (n > 1) {
            Arrays.sort(keys);
        }
        put('{');
        for (int i = 0; i < n; i++) {
            Object v = m.get(keys[i]);
            if (v == null) {
                return false;
            }
            name(keys[i], i == 0);
            if (!value(v)) {
                return false;
            }
        }
        put('}');
        return true;
    }

    /**
     * A JSON string in UTF-8: quote and backslash escaped, control characters as Jackson escapes them. Room for the
     * longest form of every character (six bytes, an escape) is made first.
     */
    private void text(String s) {
        int len = s.length();
        ensure(len * 6 + 2);
        byte[] b = out;
        int p = size;
        b[p++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else if (c == '"' || c == '\\') {
                    b[p++] = '\\';
                    b[p++] = (byte) c;
                } else if (SHORT_ESCAPES[c] != 0) {
                    b[p++] = '\\';
                    b[p++] = (byte) SHORT_ESCAPES[c];
                } else {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // Pairs and lone surrogates are left to Jackson, which knows how it treats each.
                failed = true;
                size = p;
                return;
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        size = p;
    }

    /**
     * Jackson's default number writer is {@code Double.toString} (NumberOutput.toString without the fast writer). For a
     * whole number of magnitude below 10^7 that is the integer's digits and ".0" (plain notation, exact, the shortest
     * form), written here without the general conversion, which is slow; every other value goes through it.
     */
    private void number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e7 && (d != 0 || 1 / d > 0)) {
            ascii(Long.toString((long) d));
            ascii(".0");
        } else {
            ascii(Double.toString(d));
        }
    }

    private void ascii(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
