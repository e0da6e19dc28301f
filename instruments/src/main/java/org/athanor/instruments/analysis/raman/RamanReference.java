package org.athanor.instruments.analysis.raman;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.materials.Composition;
import org.athanor.materials.Element;

/** The reference bands of one phase, and the table of them shipped with Athanor. */
public record RamanReference(String phase, String formula, List<RamanMode> modes) {

    /** Classpath location of the shipped table (sources in the README beside it). */
    public static final String RESOURCE = "/org/athanor/instruments/analysis/raman/raman-reference-modes.csv";

    /** A polymer written as its repeat unit, as in (C8H8)n: the unit's elements are the polymer's. */
    private static final Pattern POLYMER = Pattern.compile("\\((.+)\\)n");

    public RamanReference {
        modes = List.copyOf(modes);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("phase " + phase + " has no reference modes");
        }
    }

    public RamanMode strongest() {
        RamanMode best = modes.get(0);
        for (RamanMode m : modes) {
            if (m.relativeIntensity() > best.relativeIntensity()) {
                best = m;
            }
        }
        return best;
    }

    /** The phase's elements; empty when its formula cannot be read. */
    public Set<Element> elements() {
        Matcher polymer = POLYMER.matcher(formula.strip());
        String unit = polymer.matches() ? polymer.group(1) : formula;
        try {
            Set<Element> out = EnumSet.noneOf(Element.class);
            for (String symbol : Composition.parse(unit).elements()) {
                out.add(Element.of(symbol));
            }
            return out;
        } catch (RuntimeException e) {
            return EnumSet.noneOf(Element.class);
        }
    }

    /**
     * Whether a sample made of {@code sampleElements} can contain this phase: every element of the phase is among
     * them. A phase whose formula cannot be read cannot be shown to fit any sample.
     */
    public boolean possibleIn(Collection<Element> sampleElements) {
        Set<Element> own = elements();
        return !own.isEmpty() && sampleElements.containsAll(own);
    }

    /** The shipped table, one reference per phase in file order. */
    public static List<RamanReference> shipped() {
        try (InputStream in = RamanReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Raman reference table missing from the classpath: " + RESOURCE);
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the CSV form: phase,formula,shift,relative_intensity,assignment,source; '#' starts a comment line. */
    public static List<RamanReference> parse(InputStream in, String name) throws IOException {
        Map<String, String> formulas = new LinkedHashMap<>();
        Map<String, List<RamanMode>> modes = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": expected 6 comma-separated fields, found " + f.length);
            }
            double shift;
            double intensity;
            try {
                shift = Double.parseDouble(f[2].trim());
                intensity = Double.parseDouble(f[3].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": shift and intensity must be numbers: " + line);
            }
            formulas.putIfAbsent(f[0].trim(), f[1].trim());
            modes.computeIfAbsent(f[0].trim(), k -> new ArrayList<>()).add(new RamanMode(shift, intensity, f[4].trim(), f[5].trim()));
        }
        List<RamanReference> out = new ArrayList<>();
        modes.forEach((phase, list) -> out.add(new RamanReference(phase, formulas.get(phase), list)));
        return out;
    }
}
