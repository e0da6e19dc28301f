package org.athanor.instruments.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes patterns and spectra as two-column {@code .xy} (whitespace) or {@code .csv} (comma, with a header),
 * metadata as {@code # key: value} comments so {@link PatternReader} reads them back. Writes are atomic: a temp file
 * in the target directory, then a rename, so a reader never sees half a file.
 */
public final class PatternWriter {

    private PatternWriter() {
    }

    public static void writeXy(XrdPattern pattern, Path file) {
        write(file, pattern.twoTheta(), pattern.intensity(), pattern.metadata(), ' ', null);
    }

    public static void writeCsv(XrdPattern pattern, Path file) {
        write(file, pattern.twoTheta(), pattern.intensity(), pattern.metadata(), ',', "two_theta_deg,intensity");
    }

    public static void writeXy(RamanSpectrum spectrum, Path file) {
        write(file, spectrum.ramanShift(), spectrum.intensity(), spectrum.metadata(), ' ', null);
    }

    public static void writeCsv(RamanSpectrum spectrum, Path file) {
        write(file, spectrum.ramanShift(), spectrum.intensity(), spectrum.metadata(), ',', "raman_shift_cm-1,intensity");
    }

    private static void write(Path file, double[] x, double[] y, Map<String, String> metadata, char separator, String header) {
        try {
            org.athanor.io.AtomicFiles.write(file, tmp -> {
                try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (Map.Entry<String, String> e : metadata.entrySet()) {
                        out.write("# " + e.getKey() + ": " + e.getValue().replace('\n', ' '));
                        out.newLine();
                    }
                    if (header != null) {
                        out.write(header);
                        out.newLine();
                    }
                    for (int i = 0; i < x.length; i++) {
                        out.write(Double.toString(x[i]));
                        out.write(separator);
                        out.write(Double.toString(y[i]));
                        out.newLine();
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
