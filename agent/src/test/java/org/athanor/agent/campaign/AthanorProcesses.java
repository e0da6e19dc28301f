package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged app as separate processes, for integration tests of what only a real process shows (a kill, requests
 * from another process). Each process's stdout and stderr go to {@code NAME.out} / {@code NAME.err} in the test's
 * directory; after each test whatever is still running is ended, with the processes they started (campaigns that
 * {@code athanor serve} launched). Register with
 * {@code @RegisterExtension final AthanorProcesses processes = new AthanorProcesses(() -> dir);} beside a
 * {@code @TempDir Path dir}.
 */
public final class AthanorProcesses implements AfterEachCallback {

    static final long JOURNAL_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Path> directory;
    private final List<Process> started = new ArrayList<>();

    /** {@code directory}: the test's directory, read when the first process starts (a {@code @TempDir} is set by then). */
    public AthanorProcesses(Supplier<Path> directory) {
        this.directory = directory;
    }

    /** Starts the packaged app with the test's own java. */
    public Process start(String name, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged app (built by 'package' before the integration tests)").exists();
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(directory.get().resolve(name + ".out").toFile())
                .redirectError(directory.get().resolve(name + ".err").toFile());
        pb.environment().remove("ATHANOR_JOURNAL_URL"); // the H2 file in --data, whatever the machine is set up with
        pb.environment().remove("ATHANOR_DATA");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Runs a short command to its end and returns its exit code. */
    public int call(String name, String... args) throws Exception {
        Process p = start(name, args);
        assertThat(p.waitFor(JOURNAL_SECONDS, TimeUnit.SECONDS)).as("'athanor %s' ends within %d s", args[0], JOURNAL_SECONDS).isTrue();
        return p.exitValue();
    }

    /** {@code athanor journal RUN --json}: one event per line. */
    List<Map<String, Object>> journal(Path data, String run, String name) throws Exception {
        int code = call(name, "journal", run, "--data", data.toString(), "--json");
        assertThat(code).as("exit code of 'athanor journal' (%s); its log: %s", name, log(name)).isZero();
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : Files.readAllLines(directory.get().resolve(name + ".out"), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                events.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {}));
            }
        }
        assertThat(events).as("events printed by 'athanor journal' (%s)", name).isNotEmpty();
        return events;
    }

    /** The end of a process's stderr, for failure messages. */
    public String log(String name) throws IOException {
        Path err = directory.get().resolve(name + ".err");
        if (!Files.exists(err)) {
            return "(none)";
        }
        String text = Files.readString(err, StandardCharsets.UTF_8);
        return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
    }

    public String out(String name) throws IOException {
        return Files.readString(directory.get().resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    /** The report a campaign command printed with --json. */
    Map<String, Object> report(String name) throws IOException {
        List<String> lines = Files.readAllLines(directory.get().resolve(name + ".out"), StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("{")) {
                return JSON.readValue(lines.get(i), new TypeReference<LinkedHashMap<String, Object>>() {});
            }
        }
        throw new AssertionError("no JSON report in " + name + ".out: " + lines);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
        started.clear();
    }
}
