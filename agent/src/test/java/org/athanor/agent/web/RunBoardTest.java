package org.athanor.agent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.athanor.agent.campaign.RunLock;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing runs from the web, over a real (H2 file) journal and data directory. */
class RunBoardTest {

    @TempDir
    Path dir;

    private Path data;
    private JdbcJournal journal;
    private RunBoard board;

    @BeforeEach
    void openJournal() {
        data = dir.resolve("data");
        journal = JdbcJournal.open(JournalSettings.h2(data));
        board = new RunBoard(data, journal, new CampaignLauncher(data, Optional.empty()));
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    /** A run the web started whose process ended before it journaled anything. */
    private Path failedRun(String id) throws Exception {
        Path run = Files.createDirectories(data.resolve("runs").resolve(id));
        Files.writeString(run.resolve("launch.json"), "{\"goal\":\"make 2 g of CoAl2O4\",\"budget\":3,\"strategy\":\"bo\",\"seed\":7}\n");
        Files.writeString(run.resolve("console.log"), "athanor run: the simulated lab does not stock Co3O4\n");
        return run;
    }

    private void journaled(String id) throws Exception {
        Files.createDirectories(data.resolve("runs").resolve(id));
        journal.append(new EngineEvent("ev-" + id, Type.DECISION, Instant.parse("2026-01-05T08:00:00Z"), id, null, null, null,
                Map.of("kind", "campaign-started", "goal", "make MgO")));
    }

    @Test
    void aFailedRunIsRemovedWithItsDirectory() throws Exception {
        Path run = failedRun("doomed");
        Files.writeString(run.resolve(RunLock.FILE), "");
        assertThat(board.summary("doomed")).hasValueSatisfying(s -> assertThat(s).containsEntry("status", "failed"));

        board.remove("doomed");

        assertThat(run).doesNotExist();
        assertThat(board.exists("doomed")).isFalse();
        assertThat(board.summaries()).isEmpty();
    }

    @Test
    void aJournaledRunIsNeverRemovedWhetherFinishedOrInterrupted() throws Exception {
        journaled("kept");
        assertThat(board.summary("kept")).hasValueSatisfying(s -> assertThat(s).containsEntry("status", "interrupted"));
        assertThatThrownBy(() -> board.remove("kept")).isInstanceOf(RunBoard.RunKeptException.class)
                .hasMessage("run kept is interrupted: only a failed run (one that ended before it journaled anything) can be "
                        + "removed; the journal keeps every other");

        journal.append(new EngineEvent("ev-stop", Type.DECISION, Instant.parse("2026-01-05T09:00:00Z"), "kept", null, null, null,
                Map.of("kind", "campaign-stopped", "stopReason", "budget-exhausted", "explanation", "spent")));
        assertThatThrownBy(() -> board.remove("kept")).hasMessageStartingWith("run kept is finished");
        assertThat(data.resolve("runs/kept")).isDirectory();
        assertThat(journal.events("kept")).hasSize(2);
    }

    @Test
    void aRunAProcessHoldsIsNotRemoved() throws Exception {
        Path run = failedRun("busy");
        try (RunLock lock = RunLock.acquire(data, "busy")) { // this JVM is a live java process: as a starting campaign
            assertThatThrownBy(() -> board.remove("busy")).isInstanceOf(RunBoard.RunKeptException.class).hasMessageContaining("is starting");
        }
        assertThat(run.resolve("console.log")).exists();
    }

    @Test
    void nothingOutsideTheRunsDirectoryIsRemovedNorFollowedThroughALink() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        failedRun("doomed");
        Files.createDirectories(data.resolve("runs"));
        Files.createSymbolicLink(data.resolve("runs/linked"), outside);
        Files.createSymbolicLink(data.resolve("runs/doomed/to-elsewhere"), outside);

        for (String id : new String[] {"..", "../..", "../elsewhere", ".", "doomed/../..", "linked"}) {
            assertThatThrownBy(() -> board.remove(id)).as(id).isInstanceOf(RunBoard.RunKeptException.class)
                    .hasMessageContaining("is not a run directory");
        }
        board.remove("doomed"); // its link to elsewhere goes, not what it points to

        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
        assertThat(data.resolve("runs/linked")).isSymbolicLink();
        assertThat(data.resolve("runs/doomed")).doesNotExist();
        assertThat(data.resolve("journal.mv.db")).exists();
    }
}
