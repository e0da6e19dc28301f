package org.athanor.instruments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lab's instruments, crucibles and inventory, read from YAML. Loading is strict: an unknown key, a missing id,
 * a value of the wrong type, a duplicate id, an endpoint in the wrong scheme or a limit the instrument's kind needs
 * but lacks is a {@link LabConfigException} naming file, line and reason, so a bad file stops the lab at start
 * rather than a run half-way.
 *
 * <p>Endpoints can be replaced at run time ({@link #withEndpoint}, {@link #withProtocolEndpoint}): the simulated lab
 * binds free ports in tests.
 */
public record LabConfig(String name, List<InstrumentConfig> instruments, List<CrucibleSpec> crucibles,
                        Map<String, Double> inventory, Path baseDir) {

    /** Classpath location of the default simulated lab (RULES.md §1). */
    public static final String DEFAULT_LAB_RESOURCE = "/org/athanor/instruments/config/default-lab.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    public LabConfig {
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        crucibles = crucibles == null ? List.of() : List.copyOf(crucibles);
        inventory = inventory == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inventory));
    }

    /** The YAML document's shape; {@code baseDir} is not part of it. */
    private record Document(String name, List<InstrumentConfig> instruments, List<CrucibleSpec> crucibles,
                            Map<String, Double> inventory) {
    }

    public static LabConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabConfigException(file.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        Path abs = file.toAbsolutePath();
        return parse(text, file.toString(), abs.getParent());
    }

    public static LabConfig defaultLab() {
        try (InputStream in = LabConfig.class.getResourceAsStream(DEFAULT_LAB_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default lab configuration missing from the classpath: " + DEFAULT_LAB_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-lab.yaml", null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default lab configuration", e);
        }
    }

    /** Parses YAML text; {@code fileName} is used in error messages, {@code baseDir} resolves relative file references. */
    public static LabConfig parse(String yaml, String fileName, Path baseDir) {
        Document doc;
        try {
            doc = YAML.readValue(yaml, Document.class);
        } catch (JsonProcessingException e) {
            throw bindingError(fileName, e, yaml);
        }
        if (doc == null) {
            throw new LabConfigException(fileName, 0, 0, "empty lab configuration", null);
        }
        LabConfig config = new LabConfig(doc.name(), doc.instruments(), doc.crucibles(), doc.inventory(), baseDir);
        new LabConfigValidator(fileName, YamlLocations.of(yaml)).validate(config);
        return baseDir == null ? config : config.withFilesRelativeTo(baseDir);
    }

    private static LabConfigException bindingError(String file, JsonProcessingException e, String yaml) {
        JsonLocation loc = e.getLocation();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()
                && !(m.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException)) {
            // Records bind through a buffering creator, so the parser's position is the end of the mapping; the
            // offending value's own line comes from the document.
            JsonLocation exact = YamlLocations.of(yaml).at(pointer(m));
            if (exact != null) {
                loc = exact;
            }
        }
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", "));
            reason = "unknown key '" + u.getPropertyName() + "'" + (where.isEmpty() ? "" : " in " + parentOf(where))
                    + (known.isEmpty() ? "" : " (known keys: " + known + ")");
        } else {
            String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof IllegalArgumentException && root.getMessage() != null) {
                original = root.getMessage();
            }
            reason = (where.isEmpty() ? "" : where + ": ") + original.lines().findFirst().orElse(original);
        }
        return new LabConfigException(file, line, column, reason, e);
    }

    private static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String pointer(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            b.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return b.toString();
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "the top level" : path.substring(0, dot);
    }

    /** Password files are named relative to the lab file; drivers get them as absolute paths. */
    private LabConfig withFilesRelativeTo(Path dir) {
        List<InstrumentConfig> copy = new ArrayList<>();
        for (InstrumentConfig i : instruments) {
            Credentials c = i.credentials();
            if (c != null && c.passwordFile() != null) {
                c = new Credentials(c.username(), c.passwordEnv(), dir.resolve(c.passwordFile()).toString());
                i = new InstrumentConfig(i.id(), i.kind(), i.protocol(), i.endpoint(), i.model(), c, i.opcua(), i.mqtt(),
                        i.capabilities(), i.limits(), i.nodes());
            }
            copy.add(i);
        }
        return new LabConfig(name, copy, crucibles, inventory, dir);
    }

    public Optional<InstrumentConfig> instrument(String id) {
        return instruments.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<InstrumentConfig> ofKind(InstrumentKind kind) {
        return instruments.stream().filter(i -> i.kind() == kind).toList();
    }

    public Optional<CrucibleSpec> crucible(String material) {
        return crucibles.stream().filter(c -> c.material().equals(material)).findFirst();
    }

    /** A copy with one instrument's endpoint replaced. */
    public LabConfig withEndpoint(String instrumentId, String endpoint) {
        if (instrument(instrumentId).isEmpty()) {
            throw new IllegalArgumentException("no instrument '" + instrumentId + "' in lab '" + name + "'");
        }
        List<InstrumentConfig> copy = new ArrayList<>();
        for (InstrumentConfig i : instruments) {
            copy.add(i.id().equals(instrumentId) ? i.withEndpoint(endpoint) : i);
        }
        return new LabConfig(name, copy, crucibles, inventory, baseDir);
    }

    /** A copy with the endpoint of every instrument on {@code protocol} replaced (one server, one broker). */
    public LabConfig withProtocolEndpoint(Protocol protocol, String endpoint) {
        List<InstrumentConfig> copy = new ArrayList<>();
        for (InstrumentConfig i : instruments) {
            copy.add(i.protocol() == protocol ? i.withEndpoint(endpoint) : i);
        }
        return new LabConfig(name, copy, crucibles, inventory, baseDir);
    }
}
