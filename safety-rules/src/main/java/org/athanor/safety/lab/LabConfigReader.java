package org.athanor.safety.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.athanor.units.UnitException;
import org.athanor.workflow.Quantity;

/** Reads a lab configuration (YAML) and the crucible table (CSV) into a {@link LabState}. */
final class LabConfigReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** The file form of one instrument; quantities keep their units until converted here. */
    record InstrumentEntry(String id, String kind, List<String> actions, Quantity maxTemperature, Quantity maxRampRate,
                           Integer slots, List<String> gases, Double maxH2Percent, Boolean exhaust, Quantity minDose,
                           Quantity maxDose, Quantity maxDuration, Quantity twoThetaMin, Quantity twoThetaMax,
                           List<Quantity> lasers, Quantity maxLaserPower, Quantity maxPickTemperature,
                           Quantity maxLoadTemperature, Quantity heartbeatTimeout, String source) {
    }

    record CrucibleEntry(String material, Quantity maxTemperature, Quantity maxOxidisingTemperature,
                         Boolean reducingAllowed, Quantity capacity, String source) {
    }

    record LabFile(String name, Quantity heartbeatTimeout, List<InstrumentEntry> instruments,
                   List<CrucibleEntry> crucibles, List<String> inventory) {
    }

    private LabConfigReader() {
    }

    static LabState readResource(String resource) {
        try (InputStream in = LabState.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lab configuration resource " + resource + " is missing");
            }
            return toLabState(YAML.readValue(in, LabFile.class), resource);
        } catch (IOException e) {
            throw new LabConfigException(resource + ": " + firstLine(e.getMessage()));
        }
    }

    static LabState readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return toLabState(YAML.readValue(in, LabFile.class), file.toString());
        } catch (IOException e) {
            throw new LabConfigException(file + ": cannot read lab configuration: " + firstLine(e.getMessage()));
        }
    }

    private static LabState toLabState(LabFile lab, String where) {
        if (lab == null || lab.instruments() == null || lab.instruments().isEmpty()) {
            throw new LabConfigException(where + ": a lab configuration lists its instruments");
        }
        double heartbeat = lab.heartbeatTimeout() == null ? Double.NaN : convert(lab.heartbeatTimeout(), "s", where, "heartbeatTimeout");
        List<Instrument> instruments = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (InstrumentEntry e : lab.instruments()) {
            if (e.id() == null || e.id().isBlank()) {
                throw new LabConfigException(where + ": an instrument has no id");
            }
            if (!ids.add(e.id())) {
                throw new LabConfigException(where + ": instrument id '" + e.id() + "' appears twice");
            }
            String at = where + " instrument " + e.id();
            List<Double> lasers = new ArrayList<>();
            if (e.lasers() != null) {
                for (Quantity q : e.lasers()) {
                    lasers.add(convert(q, "nm", at, "lasers"));
                }
            }
            instruments.add(new Instrument(e.id(), e.kind(), Set.copyOf(orEmpty(e.actions())),
                    convert(e.maxTemperature(), "°C", at, "maxTemperature"),
                    convert(e.maxRampRate(), "°C/min", at, "maxRampRate"),
                    e.slots() == null ? 0 : e.slots(),
                    Set.copyOf(orEmpty(e.gases())),
                    e.maxH2Percent() == null ? 0.0 : e.maxH2Percent(),
                    Boolean.TRUE.equals(e.exhaust()),
                    convert(e.minDose(), "g", at, "minDose"),
                    convert(e.maxDose(), "g", at, "maxDose"),
                    convert(e.maxDuration(), "min", at, "maxDuration"),
                    convert(e.twoThetaMin(), "deg", at, "twoThetaMin"),
                    convert(e.twoThetaMax(), "deg", at, "twoThetaMax"),
                    Set.copyOf(lasers),
                    convert(e.maxLaserPower(), "mW", at, "maxLaserPower"),
                    convert(e.maxPickTemperature(), "°C", at, "maxPickTemperature"),
                    convert(e.maxLoadTemperature(), "°C", at, "maxLoadTemperature"),
                    e.heartbeatTimeout() != null ? convert(e.heartbeatTimeout(), "s", at, "heartbeatTimeout") : heartbeat,
                    e.source() == null ? "lab configuration " + where : e.source()));
        }
        List<CrucibleSpec> crucibles = lab.crucibles() == null ? standardCrucibles() : crucibles(lab.crucibles(), where);
        return new LabState(lab.name() == null ? where : lab.name(), instruments, crucibles, Set.copyOf(orEmpty(lab.inventory())));
    }

    private static List<CrucibleSpec> crucibles(List<CrucibleEntry> entries, String where) {
        List<CrucibleSpec> out = new ArrayList<>();
        for (CrucibleEntry c : entries) {
            String at = where + " crucible " + c.material();
            out.add(new CrucibleSpec(c.material(), convert(c.maxTemperature(), "°C", at, "maxTemperature"),
                    convert(c.maxOxidisingTemperature(), "°C", at, "maxOxidisingTemperature"),
                    !Boolean.FALSE.equals(c.reducingAllowed()), convert(c.capacity(), "g", at, "capacity"),
                    c.source() == null ? "lab configuration " + where : c.source()));
        }
        return out;
    }

    /** The crucible decision table {@code /org/athanor/safety/data/crucibles.csv}. */
    static List<CrucibleSpec> standardCrucibles() {
        List<CrucibleSpec> out = new ArrayList<>();
        for (List<String> row : Csv.rows("/org/athanor/safety/data/crucibles.csv")) {
            out.add(new CrucibleSpec(row.get(0), Csv.number(row.get(1)), Csv.number(row.get(2)),
                    Boolean.parseBoolean(row.get(3)), Csv.number(row.get(4)), row.get(5)));
        }
        return out;
    }

    private static double convert(Quantity q, String unit, String where, String field) {
        if (q == null) {
            return Double.NaN;
        }
        try {
            return q.in(unit);
        } catch (UnitException e) {
            throw new LabConfigException(where + ": " + field + ": " + e.getMessage());
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse(message);
    }

    /** Comment-aware CSV rows (header skipped); fields hold no commas. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> rows(String resource) {
            try (InputStream in = LabState.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is missing");
                }
                List<List<String>> rows = new ArrayList<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                boolean header = true;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    rows.add(List.of(line.split(",", -1)));
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static double number(String field) {
            return field.isBlank() ? Double.NaN : Double.parseDouble(field.strip());
        }
    }
}
