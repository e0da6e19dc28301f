package org.athanor.simulators.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.athanor.clock.LabClock;
import org.athanor.simulators.furnace.FurnaceSpec;
import org.athanor.simulators.world.SynthesisWorld;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.Test;

/** The instruments' rules without a server: a hand-driven clock makes every transition explicit. */
class SynthesisInstrumentsTest {

    /** A lab clock that moves only when told to. */
    static final class HandClock implements LabClock {
        private Instant now = Instant.parse("2026-01-01T08:00:00Z");

        @Override
        public synchronized Instant now() {
            return now;
        }

        @Override
        public void sleepUntil(Instant time) {
            advanceTo(time);
        }

        synchronized void advanceTo(Instant time) {
            if (time.isAfter(now)) {
                now = time;
            }
        }

        void advance(Duration d) {
            advanceTo(now().plus(d));
        }

        @Override
        public double pace() {
            return 1;
        }
    }

    private final HandClock clock = new HandClock();
    private final SynthesisWorld world = SynthesisWorld.withDefaults(5);

    private LabContext lab(ApprovalCheck approvals) {
        return new LabContext(clock, world, approvals, new LabEvents(), new Random(5));
    }

    private static final String PROGRAM = "{\"profile\":[{\"temperature\":{\"value\":600,\"unit\":\"°C\"},"
            + "\"rampRate\":{\"value\":10,\"unit\":\"°C/min\"},\"hold\":{\"value\":1,\"unit\":\"h\"}}]}";

    @Test
    void aDoseRunsForItsTimeThenStoresTheActualMass() {
        Dispenser d = new Dispenser("dispenser-1", lab(ApprovalCheck.ACCEPT_ALL));
        assertThat(d.dispense("c1", "t", "s1", "MgO", 1000)).isEqualTo("accepted");
        assertThat(d.state()).isEqualTo("Running");
        assertThat(d.dispense("c2", "t", "s1", "MgO", 10)).startsWith("rejected:");
        clock.advance(Duration.ofSeconds(31));
        assertThat(d.state()).isEqualTo("Stopped");
        assertThat(d.result()).contains("\"commandId\":\"c1\"", "dispensedMg");
        assertThat(d.dispense("c1", "t", "s1", "MgO", 1000)).isEqualTo("duplicate");
        assertThat(world.snapshot("s1").dispensedMg()).containsOnlyKeys("MgO");
    }

    @Test
    void withAVerifierOnlyTheStepsOwnTokenIsAccepted() {
        ApprovalTokens tokens = new ApprovalTokens("0123456789abcdef0123".getBytes());
        Step step = new Step("dose-1", Action.DISPENSE, "dispenser-1", "s2", null,
                Map.of("material", "TiO2", "mass", Quantity.of(500, "mg")));
        ApprovalCheck check = ApprovalCheck.verifying(tokens,
                commandId -> commandId.startsWith("run-7:dose-1") ? Optional.of(new ApprovalCheck.ApprovedStep("run-7", step)) : Optional.empty());
        Dispenser d = new Dispenser("dispenser-1", lab(check));
        assertThat(d.dispense("run-7:dose-1:a", "forged", "s2", "TiO2", 500)).startsWith("rejected:").contains("does not match");
        assertThat(d.dispense("other", tokens.issue("run-7", step), "s2", "TiO2", 500)).startsWith("rejected:").contains("no approved step");
        assertThat(d.dispense("run-7:dose-1:b", tokens.issue("run-7", step), "s2", "TiO2", 500)).isEqualTo("accepted");
    }

    @Test
    void theRobotWillNotPickAHotCrucibleAndTheFurnaceStopsOnlyWhenCool() {
        LabContext lab = lab(ApprovalCheck.ACCEPT_ALL);
        Furnace box = new Furnace(FurnaceSpec.boxFurnace("box-furnace-1"), lab);
        TransferRobot robot = new TransferRobot("robot-1", lab, Map.of("box-furnace-1", box), Set.of("rack", "box-furnace-1"));
        world.dispense("s3", "MgO", 500, new Random(1));
        assertThat(robot.transfer("t1", "t", "s3", "rack", "box-furnace-1")).isEqualTo("accepted");
        clock.advance(Duration.ofMinutes(1));
        assertThat(box.startProgram("p1", "t", PROGRAM)).isEqualTo("accepted");
        clock.advance(Duration.ofMinutes(60 + 57));
        assertThat(box.state()).isEqualTo("Running");
        assertThat(box.temperatureC()).isGreaterThan(550);
        assertThat(robot.transfer("t2", "t", "s3", "box-furnace-1", "rack")).startsWith("rejected:").contains("Running");
        clock.advance(Duration.ofMinutes(30));
        assertThat(box.state()).as("hold over but still hot").isEqualTo("Running");
        clock.advance(Duration.ofHours(4));
        assertThat(box.state()).isEqualTo("Stopped");
        assertThat(box.result()).contains("\"completed\":true", "\"commandId\":\"p1\"");
        assertThat(robot.transfer("t3", "t", "s3", "box-furnace-1", "rack")).isEqualTo("accepted");
        assertThat(world.snapshot("s3").heatHistory()).hasSize(1);
    }

    @Test
    void aFurnaceRefusesAGasItDoesNotRunNamingTheGasesItDoesInWords() {
        Furnace tube = new Furnace(new FurnaceSpec("tube-x", 1500, 10, 1, List.of("O2", "Ar", "air"), 2, 35), lab(ApprovalCheck.ACCEPT_ALL));
        String hydrogen = PROGRAM.replace("]}", "],\"atmosphere\":{\"gas\":\"H2/Ar\",\"h2Percent\":4.5}}");

        assertThat(tube.startProgram("p1", "t", hydrogen)).isEqualTo("rejected: tube-x does not take H2/Ar with 4.5 % H2 (gases: Ar, O2, air)");
    }

    @Test
    void aFaultBlocksCommandsUntilCleared() {
        Mixer mill = new Mixer("mill-1", lab(ApprovalCheck.ACCEPT_ALL));
        world.dispense("s4", "ZnO", 500, new Random(1));
        mill.fault(17, "jar lid open");
        assertThat(mill.state()).isEqualTo("Aborted");
        assertThat(mill.mix("m1", "t", "s4", 60, "ball-mill")).startsWith("rejected:").contains("17");
        assertThat(mill.clear("m2")).isEqualTo("accepted");
        assertThat(mill.state()).isEqualTo("Stopped");
        assertThat(mill.errorCode()).isZero();
        assertThat(mill.mix("m3", "t", "s4", 60, "ball-mill")).isEqualTo("accepted");
        assertThat(mill.mix("m4", "t", "s4", 4000, "ball-mill")).startsWith("rejected:");
    }

    @Test
    void stoppingAFurnaceLetsItCoolBeforeItReportsStopped() {
        Furnace tube = new Furnace(FurnaceSpec.tubeFurnace("tube-furnace-1"), lab(ApprovalCheck.ACCEPT_ALL));
        assertThat(tube.startProgram("p", "t", PROGRAM.replace("{\"profile\"", "{\"atmosphere\":{\"gas\":\"Ar\"},\"profile\""))).isEqualTo("accepted");
        assertThat(tube.atmosphereGas()).isEqualTo("Ar");
        clock.advance(Duration.ofMinutes(40));
        assertThat(tube.gasFlow()).isCloseTo(100, org.assertj.core.api.Assertions.within(1.0));
        assertThat(tube.stop("stop")).isEqualTo("accepted");
        assertThat(tube.state()).isEqualTo("Stopping");
        clock.advance(Duration.ofHours(3));
        assertThat(tube.state()).isEqualTo("Stopped");
        assertThat(tube.result()).contains("\"completed\":false");
    }
}
