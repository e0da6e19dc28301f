package org.athanor.safety.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.athanor.workflow.WorkflowJson;

/**
 * An audit log in a JSON-lines file: one decision per line. Each append writes the whole line with one write on a file
 * opened for appending, under a file lock, and (when durable) forces it to disk, so concurrent writers (threads or
 * processes) never interleave and a crash loses at most the line being written, never an earlier one.
 */
public final class JsonLinesAuditLog implements AuditLog {

    private static final ObjectMapper JSON = WorkflowJson.mapper().copy()
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private final Path file;
    private final boolean durable;

    /** A durable log: every line is forced to disk before {@link #append} returns. */
    public JsonLinesAuditLog(Path file) {
        this(file, true);
    }

    /** {@code durable=false} leaves flushing to the OS: lines stay whole, but a power cut may lose the last ones. */
    public JsonLinesAuditLog(Path file, boolean durable) {
        this.file = file;
        this.durable = durable;
    }

    public Path file() {
        return file;
    }

    /** The line's fields, in a fixed order; the time as ISO-8601 UTC. */
    static Map<String, Object> asJson(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("kind", e.kind());
        m.put("workflow", e.workflowId());
        if (e.stepId() != null) {
            m.put("step", e.stepId());
        }
        m.put("ruleSet", e.ruleSetVersion());
        m.put("inputsHash", e.inputsHash());
        m.put("verdict", e.verdict());
        m.put("violations", e.violations());
        return m;
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(asJson(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit entry: " + e.getOriginalMessage(), e);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
                 FileLock lock = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to audit log " + file + ": " + e.getMessage(), e);
        }
    }
}
