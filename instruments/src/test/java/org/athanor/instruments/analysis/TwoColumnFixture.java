package org.athanor.instruments.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.instruments.formats.XrdPattern;

/** Reads two-column test fixtures from the test classpath (comment lines start with '#'). */
public final class TwoColumnFixture {

    private TwoColumnFixture() {
    }

    public static double[][] columns(String resource) {
        try (InputStream in = TwoColumnFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            List<double[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("[,\\s]+");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
            double[][] out = new double[2][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                out[0][i] = rows.get(i)[0];
                out[1][i] = rows.get(i)[1];
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RamanSpectrum raman(String resource) {
        double[][] c = columns(resource);
        return new RamanSpectrum(c[0], c[1], Map.of("source", resource));
    }

    public static XrdPattern xrd(String resource, String radiation) {
        double[][] c = columns(resource);
        return new XrdPattern(c[0], c[1], Map.of("source", resource, "radiation", radiation));
    }
}
