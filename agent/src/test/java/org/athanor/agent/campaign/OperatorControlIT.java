package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator controls campaigns running in other processes: {@code athanor pause}, {@code resume} and {@code abort}
 * of one run and of the whole lab, against {@code athanor run} on the simulated lab, observed through the journal
 * (H2's auto-server, as {@code athanor journal} reads it while the run is going).
 */
class OperatorControlIT {

    /**
     * A campaign that outlives its first batch, so an operator's requests find experiments in the lab: the cap keeps
     * the knowledge table's 1200 °C out of reach, and at 1000 °C neither the mildest recipe nor the planner's reaches
     * the target. Fired in the two box furnaces, two experiments at a time.
     */
    private static final String GOAL = "Make 1 g of ZnAl2O4 below 1000 °C, confirm by XRD";
    /** Simulated seconds per wall second: a heat step (13-18 lab hours) stays on its furnace for about 10 s. */
    private static final String PACE = "5000";
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;

    @RegisterExtension
    final AthanorProcesses processes = new AthanorProcesses(() -> dir);

    @Test
    void anOperatorPausesResumesAndAbortsARunningCampaign() throws Exception {
        Path data = dir.resolve("data");
        String d = data.toString();
        Process run = processes.start("run", "run", "--dry-run", "--seed", "3", "--budget", "8", "--pace", PACE,
                "--data", d, "--run-id", "r1", "--json", GOAL);
        try (JdbcJournal journal = openWhenReady(run, data, "r1")) {
            await(run, journal, "r1", e -> e.type() == Type.STEP_DISPATCHED && "heat".equals(e.text("action")), "a heat step dispatched");

            assertThat(processes.call("pause", "pause", "r1", "--data", d, "--reason", "checking the exhaust"))
                    .as("exit code of 'athanor pause'; its log: %s", processes.log("pause")).isZero();
            assertThat(processes.out("pause")).contains("run r1: paused");
            EngineEvent paused = await(run, journal, "r1", e -> e.type() == Type.RUN_PAUSED, "the operator's pause journaled");
            assertThat(paused.text("reason")).startsWith("paused by the operator").contains("checking the exhaust");
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(4)); // about 5.5 lab hours: time for anything to slip through
            assertThat(run.isAlive()).as("the paused campaign waits; its log: %s", processes.log("run")).isTrue();

            assertThat(processes.call("resume", "resume", "r1", "--data", d))
                    .as("exit code of 'athanor resume' of the paused run; its log: %s", processes.log("resume")).isZero();
            await(run, journal, "r1", e -> e.type() == Type.RUN_RESUMED, "the resume journaled");
            List<EngineEvent> events = journal.events("r1");
            List<EngineEvent> whilePaused = events.subList(indexOf(events, e -> e.id().equals(paused.id())),
                    indexOf(events, e -> e.type() == Type.RUN_RESUMED));
            assertThat(whilePaused).as("nothing dispatched while paused").noneMatch(e -> e.type() == Type.STEP_DISPATCHED);
            assertThat(whilePaused).as("no step failed or sample marked by the pause")
                    .noneMatch(e -> e.type() == Type.STEP_FAILED || e.type() == Type.SAMPLE_MARKED);
            await(run, journal, "r1", e -> e.type() == Type.STEP_DISPATCHED && events.stream().noneMatch(x -> x.id().equals(e.id())),
                    "a step dispatched after the resume");

            assertThat(processes.call("abort", "abort", "r1", "--data", d, "--reason", "end of shift"))
                    .as("exit code of 'athanor abort'; its log: %s", processes.log("abort")).isZero();
        }
        assertThat(run.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the aborted campaign ends; its log: %s", processes.log("run")).isTrue();
        assertThat(run.exitValue()).as("exit code of the aborted 'athanor run'").isEqualTo(1);
        Map<String, Object> report = processes.report("run");
        assertThat(report.get("stopReason")).isEqualTo("aborted");
        assertThat((String) report.get("stopExplanation")).contains("aborted by the operator").contains("end of shift");

        List<Map<String, Object>> events = processes.journal(data, "r1", "journal");
        int abortAt = -1;
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = events.get(i);
            if ("run.finished".equals(e.get("type")) && "aborted".equals(e.get("status"))) {
                assertThat((String) e.get("reason")).contains("by the operator").contains("end of shift");
                abortAt = abortAt < 0 ? i : abortAt;
            }
        }
        assertThat(abortAt).as("an experiment ended by the abort").isNotNegative();
        assertThat(events.subList(abortAt, events.size())).as("nothing dispatched after the abort took effect")
                .noneMatch(e -> "step.dispatched".equals(e.get("type")));
        assertThat(events).as("the aborted experiments' samples marked")
                .anyMatch(e -> "sample.marked".equals(e.get("type")) && String.valueOf(e.get("reason")).contains("end of shift"));
        assertThat(events.stream().filter(e -> "run.started".equals(e.get("type"))).count())
                .as("every experiment started has ended").isEqualTo(events.stream().filter(e -> "run.finished".equals(e.get("type"))).count());

        assertThat(processes.call("resume-after", "resume", "r1", "--data", d)).as("an aborted run cannot be resumed").isEqualTo(1);
        assertThat(processes.log("resume-after")).as("how it ended").contains("already ended (aborted: ").contains("end of shift");
        assertThat(processes.call("pause-after", "pause", "r1", "--data", d)).as("nothing to pause").isEqualTo(1);
        assertThat(processes.log("pause-after")).contains("is not running");
    }

    @Test
    void aPauseOfTheWholeLabHoldsARunStartedLaterAndAbortAllEndsItAndTheInterruptedOnes() throws Exception {
        Path data = dir.resolve("data");
        String d = data.toString();
        assertThat(processes.call("pause-all", "pause", "--all", "--data", d, "--reason", "fire drill"))
                .as("exit code of 'athanor pause --all'; its log: %s", processes.log("pause-all")).isZero();
        assertThat(processes.out("pause-all")).contains("no run is going now").contains("runs started from now on wait too");

        // A run held by the pause whose process is then killed: interrupted, with no process to hear a lab request.
        Process killed = processes.start("run-killed", "run", "--dry-run", "--budget", "2", "--pace", PACE, "--data", d, "--run-id", "r5", GOAL);
        try (JdbcJournal journal = openWhenReady(killed, "run-killed", data, "r5")) {
            await(killed, journal, "r5", e -> e.type() == Type.RUN_PAUSED, "the lab's pause holding the run to be killed");
        }
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process run = processes.start("run", "run", "--dry-run", "--budget", "2", "--pace", PACE, "--data", d, "--run-id", "r2", "--json", GOAL);
        try (JdbcJournal journal = openWhenReady(run, data, "r2")) {
            EngineEvent paused = await(run, journal, "r2", e -> e.type() == Type.RUN_PAUSED, "the lab's pause holding the run");
            assertThat(paused.text("reason")).startsWith("lab paused by the operator").contains("fire drill");
            await(run, journal, "r2", e -> e.type() == Type.RUN_STARTED, "the first experiments submitted");
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
            assertThat(journal.events("r2")).as("nothing dispatched under the lab's pause").noneMatch(e -> e.type() == Type.STEP_DISPATCHED);

            assertThat(processes.call("abort-all", "abort", "--all", "--data", d, "--reason", "drill over"))
                    .as("exit code of 'athanor abort --all'; its log: %s", processes.log("abort-all")).isZero();
            assertThat(processes.out("abort-all")).contains("runs going now: r2")
                    .contains("run r5 was interrupted (no process drives it): aborting it from its journal");
        }
        assertThat(processes.journal(data, "r5", "journal-r5")).as("the interrupted run ended by the same abort, with its reason")
                .anyMatch(e -> "campaign-stopped".equals(e.get("kind")) && "aborted".equals(e.get("stopReason"))
                        && String.valueOf(e.get("explanation")).contains("drill over"));
        assertThat(run.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the aborted campaign ends; its log: %s", processes.log("run")).isTrue();
        assertThat(run.exitValue()).isEqualTo(1);
        assertThat((String) processes.report("run").get("stopExplanation")).contains("for the whole lab").contains("drill over");
        assertThat(processes.journal(data, "r2", "journal")).as("the lab never dispatched a step of the run")
                .noneMatch(e -> "step.dispatched".equals(e.get("type")));
        assertThat(processes.call("resume-all", "resume", "--all", "--data", d)).as("lifting the lab's pause").isZero();
    }

    @Test
    void anAbortSentWhileTheRunIsStillStartingItsLabIsAppliedNotTakenAsPast() throws Exception {
        Path data = dir.resolve("data");
        String d = data.toString();
        Process run = processes.start("run", "run", "--dry-run", "--budget", "3", "--pace", PACE, "--data", d, "--run-id", "r3", "--json", GOAL);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!RunLock.holderAlive(data, "r3")) { // the process holds the run; its lab takes seconds more to come up
            requireAlive(run, deadline, "take the run");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(processes.log("run")).as("the abort is sent before the campaign could watch for it").doesNotContain("search space");
        assertThat(processes.call("abort", "abort", "r3", "--data", d, "--reason", "wrong precursor lot"))
                .as("exit code of 'athanor abort'; its log: %s", processes.log("abort")).isZero();
        assertThat(run.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the aborted campaign ends; its log: %s", processes.log("run")).isTrue();
        assertThat(processes.report("run")).containsEntry("stopReason", "aborted");
        assertThat((String) processes.report("run").get("stopExplanation")).contains("wrong precursor lot");
        assertThat(processes.journal(data, "r3", "journal")).as("nothing dispatched").noneMatch(e -> "step.dispatched".equals(e.get("type")));
    }

    @Test
    void anInterruptedRunIsAbortedFromTheJournalWithItsFurnaceMadeSafeAndNothingNewDispatched() throws Exception {
        Path data = dir.resolve("data");
        String d = data.toString();
        Process run = processes.start("run", "run", "--dry-run", "--seed", "3", "--budget", "8", "--pace", PACE,
                "--data", d, "--run-id", "r4", "--json", GOAL);
        EngineEvent heat;
        try (JdbcJournal journal = openWhenReady(run, data, "r4")) {
            heat = await(run, journal, "r4", e -> e.type() == Type.STEP_DISPATCHED && "heat".equals(e.text("action")), "a heat step dispatched");
        }
        run.destroyForcibly(); // SIGKILL: the heating program is on the furnace, the journal says it was sent and no more
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<Map<String, Object>> before = processes.journal(data, "r4", "journal-at-kill");
        assertThat(before).as("the heat step still in flight at the kill")
                .noneMatch(e -> heat.commandId().equals(e.get("commandId")) && !"step.dispatched".equals(e.get("type")));

        assertThat(processes.call("abort", "abort", "r4", "--data", d, "--reason", "furnace room evacuated", "--json"))
                .as("exit code of 'athanor abort' of the interrupted run; its log: %s", processes.log("abort")).isZero();
        Map<String, Object> report = processes.report("abort");
        assertThat(report.get("stopReason")).isEqualTo("aborted");
        String user = System.getProperty("user.name");
        assertThat((String) report.get("stopExplanation")).contains("aborted by the operator (" + user).contains("furnace room evacuated");

        List<Map<String, Object>> after = processes.journal(data, "r4", "journal");
        assertThat(after.subList(0, before.size())).as("what was journaled before the kill, unchanged").isEqualTo(before);
        List<Map<String, Object>> aborted = after.subList(before.size(), after.size());
        assertThat(aborted).as("nothing dispatched after the kill").noneMatch(e -> "step.dispatched".equals(e.get("type")));
        assertThat(aborted).as("no experiment started after the kill").noneMatch(e -> "run.started".equals(e.get("type")));
        // The furnace: its program is asked after under its own command id and ended by the abort, never sent again.
        assertThat(aborted).as("the heat command reconciled with the lab")
                .anyMatch(e -> "step.reconciled".equals(e.get("type")) && heat.commandId().equals(e.get("commandId")));
        assertThat(aborted).as("the heat step ended by the abort")
                .anyMatch(e -> "step.failed".equals(e.get("type")) && heat.commandId().equals(e.get("commandId"))
                        && String.valueOf(e.get("reason")).startsWith("stopped by the abort"));
        assertThat(aborted).as("its sample marked, in the operator's words")
                .anyMatch(e -> "sample.marked".equals(e.get("type")) && heat.experiment().equals(e.get("experiment"))
                        && String.valueOf(e.get("reason")).contains("furnace room evacuated"));
        assertThat(aborted).as("the experiment ended as aborted, saying who and why")
                .anyMatch(e -> "run.finished".equals(e.get("type")) && heat.experiment().equals(e.get("experiment"))
                        && "aborted".equals(e.get("status")) && String.valueOf(e.get("reason")).contains("by the operator (" + user)
                        && String.valueOf(e.get("reason")).contains("furnace room evacuated"));
        assertThat(aborted).as("the campaign's stop journaled with who and why")
                .anyMatch(e -> "campaign-stopped".equals(e.get("kind")) && "aborted".equals(e.get("stopReason"))
                        && String.valueOf(e.get("explanation")).contains("furnace room evacuated"));
        assertThat(aborted).as("an abort is not journaled as a resume").noneMatch(e -> "campaign-resumed".equals(e.get("kind")));
        assertThat(after.stream().filter(e -> "run.started".equals(e.get("type"))).count())
                .as("every experiment started has ended").isEqualTo(after.stream().filter(e -> "run.finished".equals(e.get("type"))).count());

        assertThat(processes.call("resume-after", "resume", "r4", "--data", d)).as("an aborted run cannot be resumed").isEqualTo(1);
        assertThat(processes.log("resume-after")).as("how it ended").contains("already ended (aborted: ").contains("furnace room evacuated");
        assertThat(processes.call("abort-again", "abort", "r4", "--data", d)).as("nor aborted twice").isEqualTo(1);
        assertThat(processes.log("abort-again")).contains("nothing to abort");
        assertThat(processes.journal(data, "r4", "journal-after")).as("the refused requests journaled nothing").hasSize(after.size());
    }

    /** The journal, once the run's process has opened it (and migrated its schema): connecting earlier could race it. */
    private JdbcJournal openWhenReady(Process run, Path data, String runId) throws Exception {
        return openWhenReady(run, "run", data, runId);
    }

    private JdbcJournal openWhenReady(Process run, String name, Path data, String runId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!processes.log(name).contains("athanor run: run " + runId)) {
            requireAlive(run, deadline, "open its journal");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return JdbcJournal.open(JournalSettings.h2(data));
    }

    private EngineEvent await(Process run, JdbcJournal journal, String runId, Predicate<EngineEvent> wanted, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            for (EngineEvent e : journal.events(runId)) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            requireAlive(run, deadline, what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private void requireAlive(Process run, long deadline, String what) throws Exception {
        if (!run.isAlive()) {
            throw new AssertionError("'athanor run' exited (code " + run.exitValue() + ") before " + what + "; its log: " + processes.log("run"));
        }
        if (System.nanoTime() > deadline) {
            throw new AssertionError("no " + what + " within " + WAIT_SECONDS + " s; the run's log: " + processes.log("run"));
        }
    }

    private static int indexOf(List<EngineEvent> events, Predicate<EngineEvent> wanted) {
        for (int i = 0; i < events.size(); i++) {
            if (wanted.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("the event sought is not among the " + events.size() + " journaled");
    }
}
