package org.athanor.agent.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.athanor.io.AtomicFiles;

/**
 * How an operator reaches a campaign running in another process: pause it, resume it, abort it, or do the same to
 * every run of the lab (the data directory). {@code athanor pause|resume|abort} writes a request file; the campaign's
 * process polls it ({@link OperatorWatch}), applies it through the engine, which journals it, and acknowledges it.
 *
 * <p>Files, in the data directory: {@code runs/ID/control.json} for one run, {@code lab-control.json} for the whole
 * lab, and {@code runs/ID/control-ack.json}, where the run's process records the last requests it applied. Every file
 * is written whole to a temporary file and moved into place, so a reader never sees half a request. A request carries
 * a sequence number one above the file's previous one; a process applies each number once.
 */
public final class OperatorControl {

    public enum Action {
        PAUSE, RESUME, ABORT;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Action fromJson(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /** One operator request: what, why, who, when; {@code seq} orders the requests of one file. */
    public record Request(long seq, Action action, String reason, String by, Instant at) {

        /** A request made now to the process that takes it up itself (a command's own, no file): it has no sequence. */
        public static Request now(Action action, String reason, String by) {
            return new Request(0, action, reason == null ? "" : reason, by == null ? "" : by, Instant.now());
        }
    }

    /** What a run's process has applied: the last sequence numbers of its own file and of the lab's, and its state. */
    public record Ack(long runSeq, long labSeq, boolean paused, boolean aborting, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private OperatorControl() {
    }

    public static Path runFile(Path dataDirectory, String runId) {
        return dataDirectory.resolve("runs").resolve(runId).resolve("control.json");
    }

    public static Path labFile(Path dataDirectory) {
        return dataDirectory.resolve("lab-control.json");
    }

    public static Path ackFile(Path dataDirectory, String runId) {
        return dataDirectory.resolve("runs").resolve(runId).resolve("control-ack.json");
    }

    /** Writes a request after the file's last one and returns it. */
    public static Request send(Path file, Action action, String reason, String by) throws IOException {
        long seq = read(file).map(r -> r.seq() + 1).orElse(1L);
        Request r = new Request(seq, action, reason, by, Instant.now());
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", r.seq());
        n.put("action", r.action().json());
        n.put("reason", r.reason());
        n.put("by", r.by());
        n.put("at", r.at().toString());
        writeWhole(file, n);
        return r;
    }

    /**
     * The file's request; empty when there is none. A file that is not a request (edited by hand, say) is an error
     * that names the file, so the operator learns why nothing happened.
     */
    public static Optional<Request> read(Path file) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not an operator request (not JSON: " + e.getOriginalMessage() + ")");
        }
        try {
            return Optional.of(new Request(n.required("seq").asLong(), Action.fromJson(n.required("action").asText()),
                    n.path("reason").asText(""), n.path("by").asText(""), Instant.parse(n.required("at").asText())));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException(file + " is not an operator request (" + e.getMessage() + ")");
        }
    }

    static void acknowledge(Path file, Ack ack) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("runSeq", ack.runSeq());
        n.put("labSeq", ack.labSeq());
        n.put("paused", ack.paused());
        n.put("aborting", ack.aborting());
        n.put("at", ack.at().toString());
        writeWhole(file, n);
    }

    /** The run's acknowledgement; empty when its process has written none (yet). */
    public static Optional<Ack> acknowledged(Path dataDirectory, String runId) throws IOException {
        Path file = ackFile(dataDirectory, runId);
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new Ack(n.path("runSeq").asLong(), n.path("labSeq").asLong(), n.path("paused").asBoolean(),
                    n.path("aborting").asBoolean(), Instant.parse(n.path("at").asText())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.time.DateTimeException e) {
            throw new IOException(file + " is not an acknowledgement: " + e.getMessage());
        }
    }

    private static void writeWhole(Path file, JsonNode content) throws IOException {
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content) + "\n");
    }
}
