package org.athanor.instruments.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a GSAS raw powder data file (`.gsa`, `.gss`, `.raw`, `.XRA`) holding one constant-wavelength bank.
 *
 * <p>Layout, after the GSAS manual (Larson &amp; Von Dreele, LAUR 86-748, "Powder data file") and GSAS-II's reader
 * {@code G2pwd_GSASdata.py}: line 1 is an 80-character title; optional {@code Instrument parameter} and {@code #}
 * comment lines; then {@code BANK ibank nchan nrec BINTYP bcoef1 bcoef2 bcoef3 bcoef4 [type]} followed by data records.
 * For {@code BINTYP CONST}, 2θ of point i is (bcoef1 + i·bcoef2)/100 degrees. Record types:
 * <ul>
 *   <li>{@code STD} (default): ten fields of 8 characters per line, each {@code I2,F6.0}: a counter count (blank = 1)
 *       and the intensity;</li>
 *   <li>{@code ESD}: five (intensity F8, esd F8) pairs per line;</li>
 *   <li>{@code ALT}: four (2θ·100 F8, intensity F7, esd F5) groups per line, positions explicit (any BINTYP,
 *       e.g. RALF);</li>
 *   <li>{@code FXYE} (BINTYP FXYE): free-format 2θ·100, intensity, esd per line.</li>
 * </ul>
 * Time-of-flight banks (LOG6, TIME_MAP) are rejected: they are not X-ray 2θ patterns.
 */
final class GsasReader {

    private GsasReader() {
    }

    static XrdPattern read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(in, file);
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static XrdPattern parse(BufferedReader in, Path file) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        String title = in.readLine();
        if (title == null) {
            throw new FormatException(file, 0, "empty file; a GSAS file starts with a title line");
        }
        metadata.put("title", title.strip());
        metadata.put("format", "GSAS");
        metadata.put("source", file.getFileName().toString());
        int lineNo = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.regionMatches(true, 0, "Instrument parameter", 0, 20)) {
                metadata.put("instrumentParameterFile", t.substring(t.lastIndexOf(' ') + 1));
                continue;
            }
            if (t.startsWith("BANK")) {
                return readBank(in, file, lineNo, t, metadata);
            }
            throw new FormatException(file, lineNo, "expected a BANK line, found '" + TwoColumnText.abbreviate(t) + "'");
        }
        throw new FormatException(file, lineNo, "no BANK line: not a GSAS powder data file");
    }

    private static XrdPattern readBank(BufferedReader in, Path file, int bankLine, String bank, Map<String, String> metadata)
            throws IOException {
        String[] f = bank.split("\\s+");
        if (f.length < 5) {
            throw new FormatException(file, bankLine, "BANK line needs: BANK ibank nchan nrec BINTYP coefficients");
        }
        int nchan = intField(file, bankLine, f[2], "nchan");
        intField(file, bankLine, f[3], "nrec");
        String binType = f[4].toUpperCase(Locale.ROOT);
        String type = f.length > 5 && !isNumber(f[f.length - 1]) ? f[f.length - 1].toUpperCase(Locale.ROOT) : "STD";
        if (binType.equals("FXYE")) {
            type = "FXYE";
        }
        if (binType.equals("LOG6") || binType.equals("TIME_MAP") || binType.equals("SLOG")) {
            throw new FormatException(file, bankLine, "BINTYP " + binType + " is a time-of-flight bank, not an X-ray 2θ pattern");
        }
        metadata.put("bank", f[1]);
        metadata.put("binType", binType);
        metadata.put("recordType", type);
        double start = Double.NaN;
        double step = Double.NaN;
        if (binType.equals("CONST") || binType.equals("CONS")) {
            if (f.length < 7) {
                throw new FormatException(file, bankLine, "BINTYP CONST needs bcoef1 (start) and bcoef2 (step) in centidegrees");
            }
            start = doubleField(file, bankLine, f[5], "bcoef1") / 100.0;
            step = doubleField(file, bankLine, f[6], "bcoef2") / 100.0;
            if (!(step > 0)) {
                throw new FormatException(file, bankLine, "step bcoef2 must be positive, was " + f[6]);
            }
        } else if (!type.equals("ALT") && !type.equals("FXYE")) {
            throw new FormatException(file, bankLine, "BINTYP " + binType + " needs ALT records with explicit positions");
        }
        double[] x = new double[nchan];
        double[] y = new double[nchan];
        int n = 0;
        int lineNo = bankLine;
        String line;
        while (n < nchan && (line = in.readLine()) != null) {
            lineNo++;
            if (line.startsWith("BANK")) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            switch (type) {
                case "STD" -> n = readFixed(file, lineNo, line, 8, 10, n, nchan, y, 2);
                case "ESD" -> n = readFixed(file, lineNo, line, 16, 5, n, nchan, y, 0);
                case "ALT" -> n = readAlt(file, lineNo, line, n, nchan, x, y);
                case "FXYE" -> n = readFxye(file, lineNo, line, n, x, y);
                default -> throw new FormatException(file, bankLine, "unknown record type '" + type + "' (STD, ESD, ALT, FXYE)");
            }
        }
        if (n < nchan) {
            throw new FormatException(file, lineNo, "BANK line promises " + nchan + " points but the file holds " + n);
        }
        if (type.equals("STD") || type.equals("ESD")) {
            for (int i = 0; i < n; i++) {
                x[i] = start + i * step;
            }
        } else {
            for (int i = 1; i < n; i++) {
                if (!(x[i] > x[i - 1])) {
                    throw new FormatException(file, 0, "positions are not ascending at point " + (i + 1));
                }
            }
        }
        return new XrdPattern(Arrays.copyOf(x, n), Arrays.copyOf(y, n), metadata);
    }

    /** Fixed-width fields: {@code width}-character groups; the intensity starts {@code skip} characters in. */
    private static int readFixed(Path file, int lineNo, String line, int width, int perLine, int n, int nchan, double[] y, int skip) {
        for (int k = 0; k < perLine && n < nchan; k++) {
            int from = k * width;
            if (from >= line.length()) {
                break;
            }
            int valueWidth = width == 16 ? 8 : width;
            String field = line.substring(from + skip, Math.min(from + valueWidth, line.length())).strip();
            if (field.isEmpty()) {
                throw new FormatException(file, lineNo, "blank intensity field at column " + (from + 1));
            }
            y[n++] = doubleField(file, lineNo, field, "intensity at column " + (from + 1));
        }
        return n;
    }

    private static int readAlt(Path file, int lineNo, String line, int n, int nchan, double[] x, double[] y) {
        for (int k = 0; k < 4 && n < nchan; k++) {
            int from = k * 20;
            if (from + 15 > line.length()) {
                break;
            }
            x[n] = doubleField(file, lineNo, line.substring(from, from + 8).strip(), "position at column " + (from + 1)) / 100.0;
            y[n] = doubleField(file, lineNo, line.substring(from + 8, from + 15).strip(), "intensity at column " + (from + 9));
            n++;
        }
        return n;
    }

    private static int readFxye(Path file, int lineNo, String line, int n, double[] x, double[] y) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 2) {
            throw new FormatException(file, lineNo, "FXYE record needs position, intensity and esd");
        }
        x[n] = doubleField(file, lineNo, f[0], "position") / 100.0;
        y[n] = doubleField(file, lineNo, f[1], "intensity");
        return n + 1;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int intField(Path file, int line, String s, String name) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FormatException(file, line, name + " must be an integer, was '" + s + "'");
        }
    }

    private static double doubleField(Path file, int line, String s, String name) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new FormatException(file, line, name + " is not a number: '" + s + "'");
        }
    }
}
