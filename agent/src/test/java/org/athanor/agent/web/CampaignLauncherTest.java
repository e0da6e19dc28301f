package org.athanor.agent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignLauncherTest {

    @TempDir
    Path data;

    private CampaignLauncher launcher() {
        return new CampaignLauncher(data, Optional.of(List.of("/bin/true")));
    }

    private static CampaignLauncher.Launch launch(String goal, int budget, String strategy, Double pace, String runId) {
        return new CampaignLauncher.Launch(goal, budget, strategy, 7, pace, runId);
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndItsValue() {
        var l = launcher();
        assertThatThrownBy(() -> l.start(launch("  ", 3, "bo", null, null), id -> false)).hasMessageContaining("no goal given");
        assertThatThrownBy(() -> l.start(launch("make MgO", 0, "bo", null, null), id -> false)).hasMessageContaining("budget must be 1 to 200").hasMessageContaining("was 0");
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "simplex", null, null), id -> false)).hasMessageContaining("strategy must be bo, random or grid, was 'simplex'");
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", -2.0, null), id -> false)).hasMessageContaining("pace must be 0.01 to 10000000");
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", 1e308, null), id -> false)).hasMessageContaining("was 1.0E308");
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", 1e-300, null), id -> false)).hasMessageContaining("pace must be");
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", Double.NaN, null), id -> false)).hasMessageContaining("pace");
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", null, "../etc"), id -> false)).hasMessageContaining("run id '../etc' must be");
        assertThatThrownBy(() -> l.start(launch("x".repeat(2001), 3, "bo", null, null), id -> false)).hasMessageContaining("2001 characters");
        assertThat(data.resolve("runs")).doesNotExist();
    }

    @Test
    void aRunIdTheLabHasIsRefusedWhetherJournaledOrOnlyADirectory() throws Exception {
        var l = launcher();
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", null, "r1"), "r1"::equals)).hasMessageContaining("run 'r1' already exists");
        Files.createDirectories(data.resolve("runs/r2"));
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", null, "r2"), id -> false)).hasMessageContaining("run 'r2' already exists");
    }

    @Test
    void aStartedRunGetsItsDirectoryAndConsoleAndANewIdAvoidsTakenOnes() throws Exception {
        var l = launcher();
        String first = l.start(launch("make MgO", 3, "grid", 100.0, null), id -> false);
        String second = l.start(launch("make MgO", 3, "grid", 100.0, null), id -> false);
        assertThat(first).startsWith("web-");
        assertThat(second).isNotEqualTo(first);
        assertThat(data.resolve("runs").resolve(first).resolve("console.log")).exists();
    }

    @Test
    void aGoalThatLooksLikeAnOptionIsPassedAsTheGoal() throws Exception {
        Path args = data.resolve("args.txt");
        var l = new CampaignLauncher(data, Optional.of(List.of("/bin/sh", "-c", "printf '%s\\n' \"$@\" > " + args, "athanor")));
        String id = l.start(launch("--data=/elsewhere", 3, "bo", null, null), run -> false);
        for (int i = 0; i < 100 && !(Files.exists(args) && Files.readAllLines(args).contains("--data=/elsewhere")); i++) {
            Thread.sleep(50);
        }
        List<String> given = Files.readAllLines(args);
        assertThat(given.subList(given.size() - 2, given.size())).containsExactly("--", "--data=/elsewhere");
        assertThat(given).contains("--run-id", id);
    }

    @Test
    void anInterruptedRunIsTakenUpWithWhoAskedAndWhyAsTheyWereGiven() throws Exception {
        Path args = data.resolve("args.txt");
        var l = new CampaignLauncher(data, Optional.of(List.of("/bin/sh", "-c", "printf '%s\\n' \"$@\" > " + args, "athanor")));
        Files.createDirectories(data.resolve("runs/r1"));
        l.takeUp("r1", Action.ABORT, "-x: @lot 7", "ada via web from 127.0.0.1");
        for (int i = 0; i < 100 && !(Files.exists(args) && Files.readAllLines(args).contains("r1")); i++) {
            Thread.sleep(50);
        }
        assertThat(Files.readAllLines(args)).containsExactly("abort", "--data", data.toAbsolutePath().toString(),
                "--reason=-x: @lot 7", "--operator=ada via web from 127.0.0.1", "--", "r1");
    }

    @Test
    void aServerThatCannotStartTheApplicationSaysSo() {
        var l = new CampaignLauncher(data, Optional.empty());
        assertThat(l.canStart()).isFalse();
        assertThatThrownBy(() -> l.start(launch("make MgO", 3, "bo", null, null), id -> false)).hasMessageContaining("./athanor serve");
        assertThatThrownBy(() -> l.takeUp("r1", Action.RESUME, "", "ada")).hasMessageContaining("athanor resume r1");
        assertThatThrownBy(() -> l.takeUp("r1", Action.ABORT, "", "ada")).hasMessageContaining("athanor abort r1");
    }
}
