package org.athanor.agent.planner.recipe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typical synthesis temperatures and holds per chemistry family, with their sources (resource {@code planner/heat-profiles.csv}). */
public final class HeatProfileTable {

    /** One family's starting profile. {@code atmosphere} is null when the oxidation states decide it. */
    public record Entry(String family, List<Set<String>> requires, int maxCations, double temperatureC, double holdH,
                        double rampCPerMin, String atmosphere, String source) {

        boolean matches(Map<String, Double> composition) {
            long cations = composition.keySet().stream().filter(e -> !e.equals("O")).count();
            if (maxCations > 0 && cations > maxCations) {
                return false;
            }
            return requires.stream().allMatch(group -> group.stream().anyMatch(composition::containsKey));
        }
    }

    private static final String RESOURCE = "/planner/heat-profiles.csv";
    private final List<Entry> entries;

    private HeatProfileTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static HeatProfileTable standard() {
        try (InputStream in = HeatProfileTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HeatProfileTable parse(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(";", 8); // the source, last, may itself contain semicolons
            if (f.length != 8) {
                throw new IllegalStateException(source + " line " + (i + 1) + ": expected 8 fields, found " + f.length);
            }
            List<Set<String>> requires = f[1].isBlank() ? List.of()
                    : Arrays.stream(f[1].split("\\+")).map(g -> Set.of(g.split("\\|"))).toList();
            entries.add(new Entry(f[0], requires, Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), f[6].isBlank() ? null : f[6], f[7]));
        }
        return new HeatProfileTable(entries);
    }

    /** The first family whose elements the composition contains; the table ends with a default that always matches. */
    public Entry lookup(Map<String, Double> composition) {
        return entries.stream().filter(e -> e.matches(composition)).findFirst()
                .orElseThrow(() -> new IllegalStateException("heat-profile table has no default row"));
    }

    public List<Entry> entries() {
        return entries;
    }
}
