package org.athanor.instruments.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.Furnace;
import org.athanor.instruments.FurnaceProgramResult;
import org.athanor.instruments.Instrument;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;

/** The contract every {@link Furnace} implementation meets. Assumes an air furnace rated to at least 1000 °C and below 1600 °C. */
public abstract class FurnaceConformance extends CapabilityConformance {

    protected abstract Furnace furnace();

    @Override
    protected Instrument instrument() {
        return furnace();
    }

    protected Step heat(String sample, List<HeatSegment> profile, Atmosphere atmosphere) {
        return step(newStepId("heat"), Action.HEAT, furnace().id(), sample,
                Map.of("profile", profile, "atmosphere", atmosphere, "crucible", "alumina"));
    }

    @Test
    void runsAnApprovedProgramToItsEnd() {
        String sample = sampleFor(furnace().id());
        ApprovedStep approved = approve(heat(sample, List.of(HeatSegment.celsius(900, 10, 2)), Atmosphere.AIR));
        FurnaceProgramResult r = await(furnace().runProgram(approved));
        assertThat(r.completed()).isTrue();
        assertThat(r.commandId()).isEqualTo(approved.command().commandId());
        assertThat(r.maxTemperatureC()).isBetween(850.0, 950.0);
    }

    @Test
    void repeatingAProgramRunsItOnce() {
        ApprovedStep approved = approve(heat(sampleFor(furnace().id()), List.of(HeatSegment.celsius(600, 10, 0.5)), Atmosphere.AIR));
        FurnaceProgramResult first = await(furnace().runProgram(approved));
        FurnaceProgramResult again = await(furnace().runProgram(approved));
        assertThat(again.commandId()).isEqualTo(first.commandId());
        assertThat(again.duplicate() || again.endTime().equals(first.endTime()))
                .as("the repeat is recognised as the same program: %s then %s", first, again).isTrue();
    }

    @Test
    void refusesAProgramAboveTheFurnacesRating() {
        ApprovedStep tooHot = approve(heat(sampleFor(furnace().id()), List.of(HeatSegment.celsius(1600, 5, 1)), Atmosphere.AIR));
        assertThatThrownBy(() -> furnace().runProgram(tooHot)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("exceeds");
        assertNeverReachedDevice(tooHot.command().commandId());
    }

    @Test
    void refusesARampFasterThanTheFurnaceAllows() {
        ApprovedStep fast = approve(heat(sampleFor(furnace().id()), List.of(HeatSegment.celsius(800, 50, 1)), Atmosphere.AIR));
        assertThatThrownBy(() -> furnace().runProgram(fast)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("ramp");
    }

    @Test
    void refusesPureHydrogen() {
        ApprovedStep h2 = approve(heat(sampleFor(furnace().id()), List.of(HeatSegment.celsius(700, 5, 1)), Atmosphere.of("H2")));
        assertThatThrownBy(() -> furnace().runProgram(h2)).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void movesTheDoorToTheNamedPositionAndReportsIt() {
        ApprovedStep onBehalf = approve(heat(sampleFor(furnace().id()), List.of(HeatSegment.celsius(500, 5, 1)), Atmosphere.AIR));
        await(furnace().setDoor(onBehalf, true));
        assertThat(eventually(() -> Boolean.TRUE.equals(furnace().state().doorOpen()), WAIT)).as("door reported open").isTrue();
        await(furnace().setDoor(onBehalf, false));
        assertThat(eventually(() -> Boolean.FALSE.equals(furnace().state().doorOpen()), WAIT)).as("door reported closed").isTrue();
    }
}
