package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.athanor.agent.journal.EventJson;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's crash promise, end to end: {@code athanor run} (the packaged Quarkus app) runs a dry-run campaign on
 * the simulated lab and is killed with SIGKILL while an experiment's heat step is on the furnace; {@code athanor
 * resume} continues it from the H2 journal; {@code athanor journal} then shows that no step was dispatched twice, no
 * command id was sent again except to reconcile it, nothing journaled before the kill was lost or changed, the
 * interrupted experiment was marked rather than re-run, and the campaign went on to a stop reason.
 *
 * <p>The assertions hold whatever the campaign's shape (how many experiments run at once, how many parameters): they
 * speak of "every experiment in flight at the kill", never of fixed counts.
 */
class CampaignCrashIT {

    /**
     * A goal whose campaign outlives its first experiments: the cap keeps the knowledge table's 1400 °C out of reach,
     * so neither the mildest recipe nor the planner's (at the cap) reaches the target, and the tube furnace runs one
     * experiment at a time. (With a goal the planner's recipe meets, the campaign could end before a later experiment
     * heats.)
     */
    private static final String GOAL = "Make 2 g of MgAl2O4 spinel below 1300 °C, confirm by XRD";
    private static final String RUN = "crash-it";
    private static final int BUDGET = 3;
    /**
     * Simulated seconds per wall second. A heat step here is ramp + hold + cooling, about 13-18 h of lab time, so at
     * this pace it stays on the furnace for 5-6 s of wall time: ample to be caught in flight by a 50 ms poll, while
     * a whole experiment still takes only seconds.
     */
    private static final int PACE = 10_000;
    private static final long START_TO_KILL_SECONDS = 150;
    private static final long RESUME_SECONDS = 150;
    private static final long JOURNAL_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final AthanorProcesses processes = new AthanorProcesses(() -> dir);

    @Test
    void aCampaignKilledDuringAHeatStepResumesWithoutRepeatingAStepOrLosingAMeasurement() throws Exception {
        Path data = dir.resolve("data");
        long t0 = System.nanoTime();

        // 1. The campaign runs until an experiment after the first is heating, then the process is killed.
        Process run = processes.start("run", "run", "--dry-run", "--seed", "5", "--budget", String.valueOf(BUDGET),
                "--pace", String.valueOf(PACE), "--data", data.toString(), "--run-id", RUN, "--json", GOAL);
        Set<String> heatingAtKill = waitUntilAnExperimentAfterAFinishedOneIsHeating(run, data);
        run.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no journal close, the H2 lock file stays behind
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the killed 'athanor run' exits").isTrue();

        long killed = System.nanoTime();
        assertThat(data.resolve("journal.lock.db")).as("the H2 lock file the killed process left behind").exists();
        List<Map<String, Object>> before = journalAsPrinted(data);
        Set<String> inFlight = experimentsInFlight(before);
        assertThat(inFlight).as("experiments still running at the kill (the heat step must not have ended before it: %s)",
                heatingAtKill).containsAll(heatingAtKill);
        Map<Integer, Map<String, Object>> analysedBefore = analyses(before);
        assertThat(analysedBefore).as("experiments finished before the kill").isNotEmpty();
        assertThat(before).as("measurements journaled before the kill").anyMatch(e -> "measurement".equals(e.get("type")));

        // 2. athanor resume continues the campaign to a stop reason.
        Process resume = processes.start("resume", "resume", RUN, "--data", data.toString(), "--json", "--reason", "power restored");
        assertThat(resume.waitFor(RESUME_SECONDS, TimeUnit.SECONDS))
                .as("'athanor resume' ends within %d s; its log: %s", RESUME_SECONDS, processes.log("resume")).isTrue();
        assertThat(resume.exitValue()).as("exit code of 'athanor resume'; its log: %s", processes.log("resume")).isZero();
        Map<String, Object> report = processes.report("resume");
        assertThat(report.get("stopReason")).as("the resumed campaign's stop reason").isIn("target-reached", "budget-exhausted", "no-improvement");

        long resumeDone = System.nanoTime();
        List<Map<String, Object>> after = processes.journal(data, RUN, "after-resume");

        // 3. Nothing journaled before the kill is lost or changed: the old journal is the new one's beginning.
        assertThat(after.size()).isGreaterThan(before.size());
        assertThat(after.subList(0, before.size())).as("the events journaled before the kill, unchanged and in order").isEqualTo(before);
        List<Map<String, Object>> resumed = after.subList(before.size(), after.size());

        // Who took the run up and why, before anything else the restart journaled.
        assertThat(resumed.get(0)).as("the first event after the restart").containsEntry("kind", "campaign-resumed")
                .containsEntry("by", System.getProperty("user.name")).containsEntry("reason", "power restored");

        // 4. No step dispatched twice, no command sent again except to reconcile it.
        Map<String, Integer> dispatches = new HashMap<>();
        Set<String> commands = new LinkedHashSet<>();
        for (Map<String, Object> e : after) {
            if ("step.dispatched".equals(e.get("type"))) {
                assertThat(commands.add((String) e.get("commandId"))).as("command id sent once: %s", e).isTrue();
                dispatches.merge(e.get("experiment") + "/" + e.get("step"), 1, Integer::sum);
            }
        }
        assertThat(dispatches).as("each (experiment, step) dispatched at most once").allSatisfy((step, n) -> assertThat(n).isEqualTo(1));
        Set<String> startedBefore = experimentsStarted(before);
        assertThat(resumed).as("no step of an experiment the killed process had started is dispatched again")
                .noneMatch(e -> "step.dispatched".equals(e.get("type")) && startedBefore.contains(e.get("experiment")));
        Set<String> commandsBefore = commandIds(before);
        for (Map<String, Object> e : resumed) {
            if (commandsBefore.contains(e.get("commandId"))) {
                assertThat(e.get("type")).as("a command of the killed process seen again after the restart: %s", e)
                        .isIn("step.reconciled", "step.failed", "sample.marked");
            }
        }

        // 5. Each experiment in flight at the kill is reconciled, marked and reported lost, not run again.
        for (String x : heatingAtKill) {
            String heatCommand = heatCommandInFlight(before, x).orElseThrow(() -> new AssertionError(
                    x + "'s heat step ended between the poll that saw it heating and the kill"));
            assertThat(resumed).as("%s: its heat command reconciled with the lab", x)
                    .anyMatch(e -> "step.reconciled".equals(e.get("type")) && heatCommand.equals(e.get("commandId")));
        }
        for (String x : inFlight) {
            assertThat(resumed).as("%s: never completed after the restart", x)
                    .noneMatch(e -> "step.completed".equals(e.get("type")) && x.equals(e.get("experiment")));
            assertThat(resumed).as("%s: its sample marked", x)
                    .anyMatch(e -> "sample.marked".equals(e.get("type")) && x.equals(e.get("experiment")) && e.get("reason") != null);
            assertThat(resumed).as("%s: ended as aborted", x)
                    .anyMatch(e -> "run.finished".equals(e.get("type")) && x.equals(e.get("experiment")) && "aborted".equals(e.get("status")));
            int index = index(x).orElseThrow(() -> new AssertionError("experiment label " + x + " is not e<index>"));
            assertThat(experiment(report, index)).as("%s in the resumed report", x)
                    .hasValueSatisfying(r -> {
                        assertThat(r.get("verdict")).isEqualTo("lost");
                        // what was tried is kept: the parameters it was started with
                        assertThat(r.get("parameters")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                                .containsKey("temperatureC");
                    });
            assertThat(analyses(after).get(index)).as("%s recorded as lost in the journal", x).containsEntry("verdict", "lost");
        }

        // 6. The experiments finished before the kill are in the report with the same results.
        for (Map.Entry<Integer, Map<String, Object>> a : analysedBefore.entrySet()) {
            Map<String, Object> r = experiment(report, a.getKey()).orElseThrow(() -> new AssertionError("experiment " + a.getKey() + " missing from the report"));
            for (String key : List.of("parameters", "verdict", "phases", "targetFraction", "rwp")) {
                assertThat(r.get(key)).as("experiment %d's %s after the restart", a.getKey(), key).isEqualTo(a.getValue().get(key));
            }
        }

        // 7. The campaign went on: new experiments while the budget allowed, every experiment ended, a stop journaled.
        List<Integer> indices = experiments(report).stream().map(e -> ((Number) e.get("index")).intValue()).toList();
        assertThat(indices).as("experiments in the report: each once, every one the journal saw started")
                .doesNotHaveDuplicates()
                .containsAll(experimentsStarted(after).stream().map(CampaignCrashIT::index).flatMapToInt(OptionalInt::stream).boxed().toList());
        int highestBefore = startedBefore.stream().map(CampaignCrashIT::index).flatMapToInt(OptionalInt::stream).max().orElseThrow();
        if (highestBefore < BUDGET) { // below the budget, and a lost experiment improves nothing: the campaign must go on
            assertThat(experimentsStarted(resumed)).as("a new experiment after the restart (budget %d, %d started before)", BUDGET, highestBefore)
                    .isNotEmpty().noneMatch(startedBefore::contains);
        }
        assertThat(experimentsStarted(after)).as("every experiment ended").isEqualTo(experimentsFinished(after));
        assertThat(resumed).as("the campaign's stop journaled with the report's reason")
                .anyMatch(e -> "campaign-stopped".equals(e.get("kind")) && report.get("stopReason").equals(e.get("stopReason")));

        // 8. Lab time goes on from where the killed process left it.
        Instant previous = Instant.MIN;
        for (Map<String, Object> e : after) {
            Instant t = Instant.parse((String) e.get("time"));
            assertThat(t).as("lab time of %s %s %s", e.get("type"), e.get("experiment"), e.get("step")).isAfterOrEqualTo(previous);
            previous = t;
        }
        System.out.printf(java.util.Locale.ROOT, "CampaignCrashIT: killed %.1f s after the start, resumed in %.1f s, done in %.1f s%n",
                (killed - t0) / 1e9, (resumeDone - killed) / 1e9, (System.nanoTime() - t0) / 1e9);
    }

    /** Polls the journal (through H2's auto-server, as 'athanor journal' does) until the kill point is reached. */
    private Set<String> waitUntilAnExperimentAfterAFinishedOneIsHeating(Process run, Path data) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TO_KILL_SECONDS);
        // The journal is opened (and its schema migrated) before this line is printed: connecting earlier could race it.
        while (!processes.log("run").contains("athanor run: run " + RUN)) {
            requireAlive(run, deadline, "open its journal");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(data))) {
            while (journal.events(RUN).stream().noneMatch(e -> "campaign-started".equals(e.text("kind")))) {
                requireAlive(run, deadline, "start the campaign");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            // Tried as the first experiment starts: should it take longer than that experiment, the kill point below
            // simply moves to a later experiment's heat step.
            resumeIsRefusedWhileTheRunIsAlive(run, data);
            while (true) {
                requireAlive(run, deadline, "finish one experiment and start heating another");
                List<EngineEvent> events = journal.events(RUN);
                Set<String> analysed = new LinkedHashSet<>();
                Map<String, String> heating = new LinkedHashMap<>();
                for (EngineEvent e : events) {
                    if (e.type() == Type.ANALYSIS) {
                        analysed.add(e.experiment());
                    } else if (e.type() == Type.STEP_DISPATCHED && "heat".equals(e.text("action"))) {
                        heating.put(e.experiment() + "/" + e.stepId(), e.experiment());
                    } else if (e.type() == Type.STEP_COMPLETED || e.type() == Type.STEP_FAILED) {
                        heating.remove(e.experiment() + "/" + e.stepId());
                    }
                }
                Set<String> candidates = new LinkedHashSet<>(heating.values());
                candidates.removeAll(analysed);
                if (!analysed.isEmpty() && !candidates.isEmpty()) {
                    return candidates;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /** A second process must not take over a run whose own process is still going (both would dispatch its steps). */
    private void resumeIsRefusedWhileTheRunIsAlive(Process run, Path data) throws Exception {
        Process early = processes.start("early-resume", "resume", RUN, "--data", data.toString(), "--json");
        assertThat(early.waitFor(JOURNAL_SECONDS, TimeUnit.SECONDS)).as("'athanor resume' of a live run ends within %d s", JOURNAL_SECONDS).isTrue();
        assertThat(run.isAlive()).as("'athanor run' still going while the early resume was tried; its log: %s", processes.log("run")).isTrue();
        assertThat(early.exitValue()).as("exit code of 'athanor resume' of a live run; its log: %s", processes.log("early-resume")).isEqualTo(2);
        assertThat(processes.log("early-resume")).contains("already being run by another process");
        assertThat(Files.readString(dir.resolve("early-resume.out"))).as("no report from the refused resume").isBlank();
    }

    private void requireAlive(Process p, long deadline, String what) throws IOException {
        if (!p.isAlive()) {
            throw new AssertionError("'athanor run' exited (code " + p.exitValue() + ") before it had time to " + what + "; its log: " + processes.log("run"));
        }
        if (System.nanoTime() > deadline) {
            throw new AssertionError("'athanor run' did not " + what + " within " + START_TO_KILL_SECONDS + " s; its log: " + processes.log("run"));
        }
    }

    /**
     * The run's events as {@code athanor journal --json} prints them, read in this process (one JVM start fewer on a
     * busy machine) from a copy of the H2 file the kill left: the data directory keeps its stale lock for the resume.
     */
    private List<Map<String, Object>> journalAsPrinted(Path data) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("journal-at-kill"));
        Files.copy(data.resolve("journal.mv.db"), copy.resolve("journal.mv.db"));
        List<Map<String, Object>> out = new ArrayList<>();
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(copy))) {
            for (EngineEvent e : journal.events(RUN)) {
                out.add(JSON.readValue(EventJson.line(e), new TypeReference<LinkedHashMap<String, Object>>() {}));
            }
        }
        assertThat(out).as("events journaled before the kill").isNotEmpty();
        return out;
    }

    /** The campaign's experiment index in a label {@code e<index>}; other executions (follow-ups) have none. */
    private static OptionalInt index(String label) {
        return label.matches("e\\d+") ? OptionalInt.of(Integer.parseInt(label.substring(1))) : OptionalInt.empty();
    }

    private static Set<String> experimentsStarted(List<Map<String, Object>> events) {
        return experimentsWith(events, "run.started");
    }

    private static Set<String> experimentsFinished(List<Map<String, Object>> events) {
        return experimentsWith(events, "run.finished");
    }

    private static Set<String> experimentsWith(List<Map<String, Object>> events, String type) {
        Set<String> out = new LinkedHashSet<>();
        events.stream().filter(e -> type.equals(e.get("type")) && e.get("experiment") != null).forEach(e -> out.add((String) e.get("experiment")));
        return out;
    }

    private static Set<String> experimentsInFlight(List<Map<String, Object>> events) {
        Set<String> out = experimentsStarted(events);
        out.removeAll(experimentsFinished(events));
        return out;
    }

    private static Set<String> commandIds(List<Map<String, Object>> events) {
        Set<String> out = new LinkedHashSet<>();
        events.stream().map(e -> e.get("commandId")).filter(Objects::nonNull).forEach(c -> out.add((String) c));
        return out;
    }

    /** The command id of experiment {@code x}'s heat step dispatched and not ended in {@code events}. */
    private static Optional<String> heatCommandInFlight(List<Map<String, Object>> events, String x) {
        String command = null;
        for (Map<String, Object> e : events) {
            if (!x.equals(e.get("experiment"))) {
                continue;
            }
            if ("step.dispatched".equals(e.get("type")) && "heat".equals(e.get("action"))) {
                command = (String) e.get("commandId");
            } else if (command != null && command.equals(e.get("commandId"))
                    && ("step.completed".equals(e.get("type")) || "step.failed".equals(e.get("type")))) {
                command = null;
            }
        }
        return Optional.ofNullable(command);
    }

    /** The campaign's analysis entries by experiment index (the last one of each). */
    private static Map<Integer, Map<String, Object>> analyses(List<Map<String, Object>> events) {
        Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
        events.stream().filter(e -> "analysis".equals(e.get("type")) && "experiment".equals(e.get("kind")))
                .forEach(e -> out.put(((Number) e.get("index")).intValue(), e));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> experiments(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("experiments");
    }

    private static Optional<Map<String, Object>> experiment(Map<String, Object> report, int index) {
        return experiments(report).stream().filter(e -> ((Number) e.get("index")).intValue() == index).findFirst();
    }
}
