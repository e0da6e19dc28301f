package org.athanor.agent.journal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.athanor.engine.Measurement;
import org.athanor.engine.Reconciler;
import org.athanor.engine.Reconciliation;
import org.athanor.engine.StepContext;
import org.athanor.engine.StepHandler;
import org.athanor.engine.StepResult;
import org.athanor.workflow.Action;

/**
 * A fake instrument whose memory is a directory, so it outlives a killed agent process: it remembers every command
 * id it started ({@code executions.log}, one line per fresh command), finished ({@code done/ID.json}) and had
 * acknowledged ({@code acked/ID}). A repeated command id attaches to the first instead of running again, as
 * PROTOCOL.md requires of real instruments.
 */
final class FileInstrument implements StepHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Action action;
    private final Duration duration;
    private final Path dir;

    FileInstrument(Action action, Duration duration, Path dir) {
        this.action = action;
        this.duration = duration;
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("started"));
            Files.createDirectories(dir.resolve("done"));
            Files.createDirectories(dir.resolve("acked"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Action action() {
        return action;
    }

    @Override
    public StepResult execute(StepContext c) throws InterruptedException {
        Path done = dir.resolve("done").resolve(c.commandId() + ".json");
        if (Files.exists(done)) {
            return read(done); // a duplicate of a finished command returns the first result and does nothing again
        }
        Path started = dir.resolve("started").resolve(c.commandId());
        if (!Files.exists(started)) {
            write(started, "");
            append(dir.resolve("executions.log"), c.experiment() + "/" + c.step().id() + " " + c.commandId() + "\n");
        }
        c.clock().sleep(duration);
        StepResult result = action == Action.XRD
                ? StepResult.of(new Measurement("xrd", c.step().sample(), Map.of("commandId", c.commandId(),
                        "intensity", List.of(c.commandId().hashCode() % 1000, 42))))
                : StepResult.outputs(Map.of("by", action.json()));
        try {
            String json = JSON.writeValueAsString(Map.of("measurements", result.measurements().stream()
                    .map(m -> Map.of("kind", m.kind(), "sample", m.sample(), "data", m.data())).toList(), "outputs", result.outputs()));
            Path tmp = dir.resolve("done").resolve(c.commandId() + ".tmp");
            write(tmp, json);
            Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    @Override
    public void acknowledge(StepContext c, StepResult r) {
        write(dir.resolve("acked").resolve(c.commandId()), "");
    }

    /** Asks the instrument's memory what became of a command. */
    static Reconciler reconciler(Path dir) {
        return c -> {
            Path done = dir.resolve("done").resolve(c.commandId() + ".json");
            if (Files.exists(done)) {
                return new Reconciliation.Finished(read(done));
            }
            if (c.step().action() == Action.HEAT && Files.exists(dir.resolve("started").resolve(c.commandId()))) {
                return new Reconciliation.Interrupted("furnace program " + c.commandId() + " was cut off part-way");
            }
            return Reconciliation.NOT_FINISHED;
        };
    }

    @SuppressWarnings("unchecked")
    private static StepResult read(Path done) {
        try {
            Map<String, Object> m = JSON.readValue(done.toFile(), new TypeReference<Map<String, Object>>() {});
            List<Measurement> ms = ((List<Map<String, Object>>) m.get("measurements")).stream()
                    .map(x -> new Measurement((String) x.get("kind"), (String) x.get("sample"), (Map<String, Object>) x.get("data"))).toList();
            return new StepResult(ms, (Map<String, Object>) m.get("outputs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void append(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
