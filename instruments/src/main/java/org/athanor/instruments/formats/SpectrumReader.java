package org.athanor.instruments.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Raman spectrum from two-column text or CSV (Raman shift in cm⁻¹, intensity), with comments and headers
 * as {@link PatternReader} accepts them. A laser wavelength stated in a comment ({@code laser_wavelength=532,02 nm},
 * {@code laser: 785 nm}) becomes the metadata entry {@code laserWavelengthNm}.
 */
public final class SpectrumReader {

    private static final Pattern NM = Pattern.compile("([0-9]+(?:[.,][0-9]+)?)\\s*nm");

    private SpectrumReader() {
    }

    public static RamanSpectrum read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FormatException(file, 0, "no such file");
        }
        TwoColumnText.Columns c = TwoColumnText.read(file, "Raman shift");
        Map<String, String> metadata = new LinkedHashMap<>(c.metadata());
        metadata.putIfAbsent("source", file.getFileName().toString());
        for (Map.Entry<String, String> e : c.metadata().entrySet()) {
            String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (key.contains("laser") || key.contains("wavelength")) {
                Matcher m = NM.matcher(e.getValue() + (e.getValue().contains("nm") ? "" : " nm"));
                if (m.find()) {
                    metadata.putIfAbsent("laserWavelengthNm", m.group(1).replace(',', '.'));
                }
            }
        }
        return new RamanSpectrum(c.x(), c.y(), metadata);
    }
}
