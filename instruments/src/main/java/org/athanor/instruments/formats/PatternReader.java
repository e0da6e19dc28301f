package org.athanor.instruments.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a powder XRD pattern from a file, choosing the format by extension and content: two-column text
 * ({@code .xy}, {@code .txt}, {@code .csv}, {@code .dat}), PANalytical {@code .xrdml}, GSAS ({@code .gsa},
 * {@code .gss}, {@code .xra}, {@code .raw}, {@code .fxye}). A malformed file raises {@link FormatException}
 * naming the line and the reason.
 */
public final class PatternReader {

    private PatternReader() {
    }

    public static XrdPattern read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FormatException(file, 0, "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "xrdml" -> XrdmlReader.read(file);
            case "gsa", "gss", "xra", "raw", "fxye" -> GsasReader.read(file);
            default -> sniff(file);
        };
    }

    private static XrdPattern sniff(Path file) {
        String head = head(file);
        if (head.startsWith("<?xml") || head.startsWith("<xrdMeasurements")) {
            return XrdmlReader.read(file);
        }
        if (head.lines().limit(40).anyMatch(l -> l.startsWith("BANK "))) {
            return GsasReader.read(file);
        }
        TwoColumnText.Columns c = TwoColumnText.read(file, "2θ");
        Map<String, String> metadata = new LinkedHashMap<>(c.metadata());
        metadata.putIfAbsent("source", file.getFileName().toString());
        return new XrdPattern(c.x(), c.y(), metadata);
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4096);
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
