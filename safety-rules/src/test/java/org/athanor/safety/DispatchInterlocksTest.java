package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import java.time.Instant;
import org.athanor.safety.lab.InstrumentReading;
import org.athanor.safety.lab.LabState;
import org.athanor.safety.lab.LiveState;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runtime interlocks (RULES.md §7): the step waits or the run pauses; it is never sent. */
class DispatchInterlocksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    private final Gate gate = gate();
    private final LabState lab = LabState.defaultSimulatedLab();
    private final Workflow workflow = workflow("BaTiO3",
            dispense("d1", "s1", "BaCO3", 1.69), dispense("d2", "s1", "TiO2", 0.68), mix("mix", "s1", 30),
            transfer("load", "s1", "box-furnace-1"), heatAir("heat", "s1", 1100), transfer("unload", "s1", "xrd-1"),
            xrd("xrd", "s1", 10, 80), raman("raman", "s1", 532, 50));
    private final LiveState idle = LiveState.allIdle(lab, NOW, 22).withCrucible("s1", 25);

    private Verdict dispatch(String stepId, LiveState live) {
        Step step = workflow.step(stepId).orElseThrow();
        return gate.vetStep(workflow, step, live);
    }

    @Test
    void everyStepOfASafeWorkflowIsApprovedAgainstAnIdleLabAndCarriesItsToken() {
        for (Step s : workflow.steps()) {
            Verdict v = gate.vetStep(workflow, s, idle);
            assertThat(v.violations()).as(s.id()).isEmpty();
            assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
            assertThat(TOKENS.verify(workflow.id(), s, v.approvalTokens().get(s.id()))).isTrue();
        }
    }

    @ParameterizedTest(name = "heartbeat {0} ms old: {1}")
    @CsvSource({"9999, APPROVED", "10000, APPROVED", "10001, PAUSE", "60000, PAUSE"})
    void aSilentInstrumentPausesTheRun(long ageMillis, Verdict.Decision expected) {
        LiveState live = idle.with("mill-1", InstrumentReading.idle(NOW.minusMillis(ageMillis), 22));
        Verdict v = dispatch("mix", live);
        assertThat(v.decision()).isEqualTo(expected);
        assertThat(v.approvalTokens().isEmpty()).isEqualTo(expected != Verdict.Decision.APPROVED);
    }

    @Test
    void anInstrumentNeverHeardFromPausesTheRun() {
        LiveState live = new LiveState(lab, NOW, java.util.Map.of(), java.util.Map.of());
        Verdict v = dispatch("mix", live);
        assertThat(v.decision()).isEqualTo(Verdict.Decision.PAUSE);
        assertThat(rules(v)).containsExactly("An instrument with no live state gets no commands");
    }

    @Test
    void anInstrumentClaimedByAnotherRunMakesTheStepWait() {
        Verdict other = dispatch("mix", idle.with("mill-1", InstrumentReading.idle(NOW, 22).withClaim("run-42")));
        assertThat(other.decision()).isEqualTo(Verdict.Decision.WAIT);
        assertThat(rules(other)).containsExactly("An instrument claimed by another run gets no commands");
        Verdict mine = dispatch("mix", idle.with("mill-1", InstrumentReading.idle(NOW, 22).withClaim(workflow.id())));
        assertThat(mine.approved()).isTrue();
    }

    @Test
    void anOpenXrdDoorMakesTheScanWaitAndABadShutterInterlockPausesTheRun() {
        Verdict door = dispatch("xrd", idle.with("xrd-1", InstrumentReading.idle(NOW, 22).withDoorClosed(false)));
        assertThat(door.decision()).isEqualTo(Verdict.Decision.WAIT);
        assertThat(rules(door)).containsExactly("X-rays are generated only behind a closed door");
        Verdict shutter = dispatch("xrd", idle.with("xrd-1", InstrumentReading.idle(NOW, 22).withInterlockClosed(false)));
        assertThat(shutter.decision()).isEqualTo(Verdict.Decision.PAUSE);
    }

    @Test
    void anOpenRamanEnclosureMakesTheLaserWait() {
        Verdict v = dispatch("raman", idle.with("raman-1", InstrumentReading.idle(NOW, 22).withInterlockClosed(false)));
        assertThat(v.decision()).isEqualTo(Verdict.Decision.WAIT);
        assertThat(rules(v)).containsExactly("The Raman laser fires only inside a closed enclosure");
    }

    @ParameterizedTest(name = "crucible at {0} °C: {1}")
    @CsvSource({"99, APPROVED", "100, APPROVED", "101, WAIT", "800, WAIT"})
    void theRobotPicksOnlyCruciblesAtOrBelow100C(double celsius, Verdict.Decision expected) {
        assertThat(dispatch("unload", idle.withCrucible("s1", celsius)).decision()).isEqualTo(expected);
    }

    @Test
    void theRobotWaitsWhenTheCrucibleTemperatureIsUnknown() {
        Verdict v = dispatch("unload", LiveState.allIdle(lab, NOW, 22));
        assertThat(v.decision()).isEqualTo(Verdict.Decision.WAIT);
        assertThat(rules(v)).containsExactly("The robot picks a crucible only when its temperature is known");
    }

    @ParameterizedTest(name = "furnace at {0} °C: {1}")
    @CsvSource({"39, APPROVED", "40, APPROVED", "41, WAIT", "600, WAIT"})
    void aFurnaceIsLoadedOnlyAtRoomTemperature(double celsius, Verdict.Decision expected) {
        LiveState live = idle.with("box-furnace-1", InstrumentReading.idle(NOW, celsius));
        assertThat(dispatch("load", live).decision()).isEqualTo(expected);
        assertThat(dispatch("heat", live).decision()).isEqualTo(expected);
    }

    @Test
    void aStepChangedAfterVettingIsRejectedAtDispatch() {
        Step changed = heatAir("heat", "s1", 1190);
        Verdict v = gate.vetStep(workflow, changed, idle);
        assertThat(v.decision()).isEqualTo(Verdict.Decision.REJECTED);
        assertThat(rules(v)).containsExactly("Only a step of the vetted workflow is dispatched");
    }

    @Test
    void severalConditionsAtOnceRejectBeforePauseBeforeWait() {
        LiveState live = idle.with("xrd-1", new InstrumentReading(NOW.minusSeconds(30), "run-7", false, true, 22));
        Verdict v = dispatch("xrd", live);
        assertThat(v.decision()).isEqualTo(Verdict.Decision.PAUSE);
        assertThat(rules(v)).containsExactlyInAnyOrder("An instrument that has not sent a heartbeat within its timeout gets no commands",
                "An instrument claimed by another run gets no commands", "X-rays are generated only behind a closed door");
    }
}
