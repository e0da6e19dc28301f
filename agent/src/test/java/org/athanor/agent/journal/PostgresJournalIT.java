package org.athanor.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.engine.EngineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The journal on a real PostgreSQL server: a throwaway cluster made with the machine's {@code initdb} and
 * {@code pg_ctl} (skipped, not passed, where PostgreSQL is not installed).
 */
class PostgresJournalIT {

    private Path cluster;
    private boolean root;

    private static Path bin(String name) {
        for (String dir : List.of("/usr/local/bin", "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private void run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--")); // PostgreSQL refuses to run as root
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ":\n" + out).isZero();
    }

    @Test
    void storesAndReadsEventsOnPostgresqlThroughItsOwnMigration() throws Exception {
        Path initdb = bin("initdb");
        Path pgCtl = bin("pg_ctl");
        assumeTrue(initdb != null && pgCtl != null, "PostgreSQL is not installed");
        root = "root".equals(System.getProperty("user.name"));
        cluster = Files.createTempDirectory(Path.of("/tmp"), "athanor-pg");
        if (root) {
            new ProcessBuilder("chown", "postgres", cluster.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = cluster.resolve("data");
        run(initdb.toString(), "-D", data.toString(), "-A", "trust", "-U", "athanor", "--no-sync");
        run(pgCtl.toString(), "-D", data.toString(), "-l", cluster.resolve("log").toString(), "-w", "-o",
                "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");

        JournalSettings pg = new JournalSettings("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "athanor", "");
        EngineEvent e = new EngineEvent("e1", EngineEvent.Type.MEASUREMENT, Instant.parse("2026-02-01T08:00:00.5Z"), "pg-run", "1", "xrd",
                "c1", Map.of("kind", "xrd", "intensity", List.of(1.5, 2.5)));
        try (JdbcJournal j = JdbcJournal.open(pg)) {
            j.appendAll(List.of(e, new EngineEvent("e2", EngineEvent.Type.STEP_COMPLETED, e.time(), "pg-run", "1", "xrd", "c1", Map.of())));
        }
        try (JdbcJournal j = JdbcJournal.open(pg)) { // the second open finds the schema current
            assertThat(j.events("pg-run")).extracting(EngineEvent::id).containsExactly("e1", "e2");
            assertThat(j.events("pg-run").get(0)).isEqualTo(e);
            assertThat(j.state("pg-run").experiments().get("1").status("xrd")).isEqualTo(org.athanor.engine.RunState.StepStatus.COMPLETED);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (cluster != null && Files.exists(cluster.resolve("data/postmaster.pid"))) {
            run(bin("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        }
        if (cluster != null) {
            try (var walk = Files.walk(cluster)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort: a leftover /tmp directory harms nothing
            }
        }
    }
}
