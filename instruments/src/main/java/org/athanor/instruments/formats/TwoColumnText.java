package org.athanor.instruments.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads two-column numeric text (x, y) as written by diffractometers and spectrometers: `.xy`, `.txt`, `.csv`.
 * Accepts comment lines (`#`, `!`, `;`, `%`, `//`), header lines before the first data row, separators
 * whitespace / comma / semicolon / tab, decimal commas when the separator is a semicolon or tab, and extra
 * columns (e.g. an esd) which are ignored. Comment lines of the form {@code # key: value} or {@code key=value}
 * become metadata. Rows must be strictly monotonic in x; a descending file is reversed.
 */
final class TwoColumnText {

    private static final Pattern META = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_ .-]{0,40}?)\\s*[:=]\\s*(.+?)\\s*$");

    record Columns(double[] x, double[] y, Map<String, String> metadata) {
    }

    private TwoColumnText() {
    }

    static Columns read(Path file, String xName) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file, xName);
        } catch (java.nio.charset.MalformedInputException e) {
            return readLatin1(file, xName);
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Columns readLatin1(Path file, String xName) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(in, file, xName);
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    static Columns parse(BufferedReader in, Path file, String xName) throws IOException {
        double[] x = new double[1024];
        double[] y = new double[1024];
        int n = 0;
        Map<String, String> metadata = new LinkedHashMap<>();
        int lineNo = 0;
        int firstDataLine = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (lineNo == 1 && t.startsWith("\uFEFF")) {
                t = t.substring(1).strip();
            }
            if (t.isEmpty()) {
                continue;
            }
            if (isComment(t)) {
                collectMetadata(stripCommentMarker(t), metadata);
                continue;
            }
            String[] fields = split(t);
            double[] values = numbers(fields);
            if (values == null) {
                if (n == 0) {
                    continue; // a header line such as "2theta,intensity" before the data
                }
                throw new FormatException(file, lineNo, "expected two numbers (" + xName + ", intensity) but found '"
                        + abbreviate(t) + "'");
            }
            if (values.length < 2) {
                throw new FormatException(file, lineNo, "expected two columns (" + xName + ", intensity) but found one");
            }
            if (!Double.isFinite(values[0]) || !Double.isFinite(values[1])) {
                throw new FormatException(file, lineNo, "value is not a finite number: '" + abbreviate(t) + "'");
            }
            if (n == x.length) {
                x = Arrays.copyOf(x, n * 2);
                y = Arrays.copyOf(y, n * 2);
            }
            if (n == 0) {
                firstDataLine = lineNo;
            } else if (n >= 1 && values[0] == x[n - 1]) {
                throw new FormatException(file, lineNo, xName + " " + values[0] + " repeats the previous row");
            } else if (n >= 2 && Math.signum(values[0] - x[n - 1]) != Math.signum(x[n - 1] - x[n - 2])) {
                throw new FormatException(file, lineNo, xName + " is not monotonic: " + x[n - 1] + " then " + values[0]);
            }
            x[n] = values[0];
            y[n] = values[1];
            n++;
        }
        if (n == 0) {
            throw new FormatException(file, 0, "no data rows (two numeric columns) found");
        }
        if (n < 2) {
            throw new FormatException(file, firstDataLine, "only one data row; a pattern needs at least two");
        }
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        if (x[1] < x[0]) {
            reverse(x);
            reverse(y);
        }
        return new Columns(x, y, metadata);
    }

    private static boolean isComment(String t) {
        return t.startsWith("#") || t.startsWith("!") || t.startsWith(";") || t.startsWith("%") || t.startsWith("//");
    }

    private static String stripCommentMarker(String t) {
        int i = 0;
        while (i < t.length() && "#!;%/".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        return t.substring(i).strip();
    }

    /** "key: value" or "key=value" comments become metadata; free text and multi-pair lines are parsed pairwise. */
    private static void collectMetadata(String comment, Map<String, String> metadata) {
        for (String part : comment.split(",\\s+(?=[A-Za-z_]+\\s*[=:])")) {
            Matcher m = META.matcher(part);
            if (m.matches()) {
                String key = m.group(1).strip().replace(' ', '_');
                metadata.putIfAbsent(key, m.group(2));
            }
        }
    }

    private static String[] split(String t) {
        if (t.indexOf(';') >= 0) {
            return t.split("\\s*;\\s*");
        }
        if (t.indexOf('\t') >= 0) {
            return t.split("\\s*\\t\\s*");
        }
        if (t.indexOf(',') >= 0) {
            return t.split("\\s*,\\s*");
        }
        return t.split("\\s+");
    }

    /** The numeric fields of a row, or null when the row is not numeric (a header). */
    private static double[] numbers(String[] fields) {
        int count = 0;
        double[] out = new double[fields.length];
        for (String f : fields) {
            if (f.isEmpty()) {
                continue;
            }
            String s = f.indexOf(',') >= 0 && f.indexOf('.') < 0 ? f.replace(',', '.') : f;
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return count == 0 ? null : Arrays.copyOf(out, count);
            }
            out[count++] = v;
        }
        return Arrays.copyOf(out, count);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
