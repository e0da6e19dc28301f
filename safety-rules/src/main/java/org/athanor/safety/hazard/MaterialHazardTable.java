package org.athanor.safety.hazard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The materials hazard table ({@code data/materials-hazards.csv}), keyed by formula as written in a dispense step and,
 * failing that, by composition: a planner that writes ammonium nitrate as "H4N2O3" meets the row for NH4NO3.
 */
public final class MaterialHazardTable {

    public static final String RESOURCE = "/org/athanor/safety/data/materials-hazards.csv";

    private final Map<String, MaterialHazard> byFormula;
    private final Map<String, MaterialHazard> byComposition = new LinkedHashMap<>();

    private MaterialHazardTable(Map<String, MaterialHazard> byFormula) {
        this.byFormula = Map.copyOf(byFormula);
        // File order: the first row of a composition is the one its other spellings meet.
        byFormula.values().forEach(h -> byComposition.putIfAbsent(FormulaScan.compositionKey(h.formula()), h));
    }

    private static final class Standard {
        static final MaterialHazardTable TABLE = load();
    }

    public static MaterialHazardTable standard() {
        return Standard.TABLE;
    }

    /** The row written this way or, failing that, the row of the same compound however it is written. */
    public Optional<MaterialHazard> lookup(String formula) {
        MaterialHazard exact = byFormula.get(FormulaScan.key(formula));
        if (exact != null) {
            return Optional.of(exact);
        }
        String composition = FormulaScan.compositionKey(formula);
        return composition.isEmpty() ? Optional.empty() : Optional.ofNullable(byComposition.get(composition));
    }

    public Collection<MaterialHazard> all() {
        return byFormula.values();
    }

    private static MaterialHazardTable load() {
        try (InputStream in = MaterialHazardTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            Map<String, MaterialHazard> rows = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 7) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 7 fields, found " + f.length);
                }
                MaterialHazard h = new MaterialHazard(FormulaScan.key(f[0]), f[1], list(f[2]), number(f[3]), number(f[4]),
                        list(f[5]), f[6]);
                if (rows.put(h.formula(), h) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + h.formula() + " listed twice");
                }
            }
            return new MaterialHazardTable(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> list(String field) {
        return field.isBlank() ? Set.of() : Arrays.stream(field.split(";")).map(String::strip).collect(Collectors.toUnmodifiableSet());
    }

    private static double number(String field) {
        return field.isBlank() ? Double.NaN : Double.parseDouble(field.strip());
    }
}
