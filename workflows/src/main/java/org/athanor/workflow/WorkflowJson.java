package org.athanor.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the workflow interchange form. Reading validates against the project's copy of
 * {@code workflow.schema.json} and reports every problem with its JSON location.
 */
public final class WorkflowJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, false);
    private static final Set<String> NAMED = Set.of("schemaVersion", "id", "goal", "target", "constraints", "steps");
    private static final JsonSchema SCHEMA = loadSchema();

    private WorkflowJson() {
    }

    /** The mapper every module uses for the interchange form. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Workflow read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkflowException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(text, file.toString());
    }

    /** Parses and validates; {@code source} names the input in error messages. */
    public static Workflow read(String json, String source) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WorkflowException(source + ": not valid JSON " + JsonErrors.describe(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new WorkflowException(source + ": empty input, expected a workflow JSON object");
        }
        List<String> problems = validate(node);
        if (!problems.isEmpty()) {
            throw new WorkflowException(source + ": does not match workflow schema v1:\n  " + String.join("\n  ", problems));
        }
        return fromTree((ObjectNode) node, source);
    }

    /** Schema problems as "location: message", empty when valid. */
    public static List<String> validate(JsonNode node) {
        Set<ValidationMessage> messages = SCHEMA.validate(node);
        List<String> out = new ArrayList<>();
        messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()).thenComparing(ValidationMessage::getMessage))
                .forEach(m -> out.add(m.getMessage()));
        return out;
    }

    private static Workflow fromTree(ObjectNode node, String source) {
        try {
            Target target = MAPPER.treeToValue(node.get("target"), Target.class);
            Constraints constraints = node.hasNonNull("constraints") ? MAPPER.treeToValue(node.get("constraints"), Constraints.class) : null;
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : node.get("steps")) {
                steps.add(MAPPER.treeToValue(s, Step.class));
            }
            Map<String, Object> extensions = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!NAMED.contains(e.getKey())) {
                    extensions.put(e.getKey(), MAPPER.treeToValue(e.getValue(), Object.class));
                }
            }
            return new Workflow(node.get("schemaVersion").asInt(), text(node, "id"), text(node, "goal"), target, constraints, steps, extensions);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WorkflowException(source + ": " + e.getMessage().lines().findFirst().orElse("malformed workflow"), e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    public static JsonNode toTree(Workflow workflow) {
        return MAPPER.valueToTree(workflow);
    }

    public static String write(Workflow workflow) {
        try {
            return MAPPER.writeValueAsString(workflow);
        } catch (JsonProcessingException e) {
            throw new WorkflowException("cannot serialise workflow " + workflow.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String writePretty(Workflow workflow) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(workflow);
        } catch (JsonProcessingException e) {
            throw new WorkflowException("cannot serialise workflow " + workflow.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes atomically: a temporary file beside the target, then a rename, so a crash never leaves half a file. */
    public static void write(Workflow workflow, Path file) {
        try {
            org.athanor.io.AtomicFiles.writeString(file, writePretty(workflow));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = WorkflowJson.class.getResourceAsStream("workflow.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("workflow.schema.json missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
