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

/** The materials hazard table ({@code data/materials-hazards.csv}), keyed by formula as written in a dispense step. */
public final class MaterialHazardTable {

    public static final String RESOURCE = "/org/athanor/safety/data/materials-hazards.csv";

    private final Map<String, MaterialHazard> byFormula;

    private MaterialHazardTable(Map<String, MaterialHazard> byFormula) {
        this.byFormula = Map.copyOf(byFormula);
    }

    private static final class Standard {
        static final MaterialHazardTable TABLE = load();
    }

    public static MaterialHazardTable standard() {
        return Standard.TABLE;
    }

    public Optional<MaterialHazard> lookup(String formula) {
        return Optional.ofNullable(byFormula.get(FormulaScan.key(formula)));
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
