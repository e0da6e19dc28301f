package org.athanor.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.Engine;
import org.athanor.engine.JournalException;
import org.athanor.engine.RunOutcome;
import org.athanor.engine.RunRequest;
import org.athanor.engine.RunState;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal against a real H2 file database. */
class JdbcJournalIT {

    @TempDir
    Path dir;

    private static EngineEvent event(String run, EngineEvent.Type type, String step, Map<String, Object> data) {
        return new EngineEvent(java.util.UUID.randomUUID().toString(), type, Instant.parse("2026-03-01T10:15:30.123456789Z"), run, "1",
                step, step == null ? null : "cmd-" + step, data);
    }

    @Test
    void storesEventsDurablyAndReadsThemBackInOrderAfterReopening() {
        List<EngineEvent> written = List.of(
                event("r1", EngineEvent.Type.STEP_DISPATCHED, "heat", Map.of("attempt", 1)),
                event("r2", EngineEvent.Type.STEP_DISPATCHED, "xrd", Map.of()),
                event("r1", EngineEvent.Type.MEASUREMENT, "heat", Map.of("kind", "xrd", "twoTheta", List.of(10.0, 10.02), "nested", Map.of("a", true))),
                event("r1", EngineEvent.Type.STEP_COMPLETED, "heat", Map.of("attempt", 1)));
        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(dir))) {
            written.forEach(j::append);
        }
        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(dir))) {
            List<EngineEvent> back = j.events("r1");

            assertThat(back).containsExactly(written.get(0), written.get(2), written.get(3));
            assertThat(j.runs()).containsExactly("r1", "r2");
            assertThat(j.events("nobody")).isEmpty();
        }
    }

    @Test
    void refusesTheSameEventTwice() {
        EngineEvent e = event("r1", EngineEvent.Type.RUN_PAUSED, null, Map.of("reason", "x"));
        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(dir))) {
            j.append(e);
            assertThatThrownBy(() -> j.append(e)).isInstanceOf(JournalException.class).hasMessageContaining("run.paused of run r1");
        }
    }

    @Test
    void storesABatchAllOrNothing() {
        EngineEvent a = event("r1", EngineEvent.Type.STEP_COMPLETED, "a", Map.of());
        EngineEvent b = event("r1", EngineEvent.Type.STEP_COMPLETED, "b", Map.of());
        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(dir))) {
            j.appendAll(List.of(a, b));
            assertThatThrownBy(() -> j.appendAll(List.of(event("r1", EngineEvent.Type.STEP_COMPLETED, "c", Map.of()), a)))
                    .isInstanceOf(JournalException.class);
            assertThat(j.events("r1")).extracting(EngineEvent::stepId).containsExactly("a", "b");
        }
    }

    @Test
    void namesTheDatabaseWhenItCannotBeOpened() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> JdbcJournal.open(JournalSettings.h2(notADir)))
                .isInstanceOf(JournalException.class).hasMessageContaining("cannot open the journal at jdbc:h2:file:");
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedAndH2PrintsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "hi");

        String console = console(() -> assertThatThrownBy(() -> JdbcJournal.open(JournalSettings.h2(file)))
                .isInstanceOf(JournalException.class)
                .hasMessage("cannot open the journal at jdbc:h2:file:" + file.resolve("journal") + ": the data directory " + file
                        + " is a file, not a directory"));

        assertThat(console).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("hi");
    }

    @Test
    void aDataDirectoryUnderAFileCannotBeCreatedAndSaysWhich() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "hi");
        Path sub = file.resolve("sub");

        String console = console(() -> assertThatThrownBy(() -> JdbcJournal.open(JournalSettings.h2(sub)))
                .isInstanceOf(JournalException.class)
                .hasMessageEndingWith(": the data directory " + sub + " cannot be created: " + file + " is a file, not a directory"));

        assertThat(console).isEmpty();
    }

    @Test
    void aDataDirectoryTheSystemWillNotCreateIsNamed() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc, where mkdir is refused");
        Path proc = Path.of("/proc/athanor-journal-test");

        String console = console(() -> assertThatThrownBy(() -> JdbcJournal.open(JournalSettings.h2(proc)))
                .isInstanceOf(JournalException.class)
                .hasMessageEndingWith(": the data directory " + proc + " cannot be created: " + proc + ": no such file or directory"));

        assertThat(console).isEmpty();
    }

    @Test
    void aNewDataDirectoryIsCreatedAsBefore() {
        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(dir.resolve("a").resolve("b")))) {
            assertThat(j.runs()).isEmpty();
        }
        assertThat(dir.resolve("a").resolve("b").resolve("journal.mv.db")).exists();
        assertThat(dir.resolve("a").resolve("b")).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".probe"));
    }

    /** What {@code action} printed to System.out and System.err (H2 prints straight to them). */
    private static String console(Runnable action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEngineRunLeavesAJournalFromWhichItsStateCanBeRebuilt() throws Exception {
        Path instruments = dir.resolve("instruments");
        try (JdbcJournal j = JdbcJournal.open(JournalSettings.h2(dir.resolve("db")));
             Engine engine = Engine.builder().clock(new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 1e6)).journal(j)
                     .handler(new FileInstrument(Action.DISPENSE, Duration.ofMinutes(5), instruments))
                     .handler(new FileInstrument(Action.HEAT, Duration.ofHours(2), instruments))
                     .handler(new FileInstrument(Action.XRD, Duration.ofMinutes(30), instruments)).build()) {
            RunOutcome out = engine.submit(new RunRequest("r9", "1", CrashWorkload.workflow(1), true)).outcome().get(20, TimeUnit.SECONDS);
            assertThat(out.status()).isEqualTo(RunOutcome.Status.COMPLETED);

            RunState state = j.state("r9");
            RunState.Experiment e = state.experiments().get("1");
            assertThat(e.finished()).isTrue();
            assertThat(e.steps().values()).extracting(RunState.StepRecord::status).containsOnly(RunState.StepStatus.COMPLETED);
            assertThat(e.measurements()).hasSize(1);
            assertThat(e.workflow()).contains(CrashWorkload.workflow(1));
        }
    }
}
