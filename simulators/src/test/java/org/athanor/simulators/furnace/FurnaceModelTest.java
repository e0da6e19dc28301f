package org.athanor.simulators.furnace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.athanor.workflow.HeatSegment;
import org.junit.jupiter.api.Test;

class FurnaceModelTest {

    private static final FurnaceModel.StepListener IGNORE = (t, h) -> { };

    @Test
    void heatsNoFasterThanTheRampLimitEvenWhenAskedTo() {
        FurnaceModel box = new FurnaceModel(FurnaceSpec.boxFurnace("box-furnace-1"));
        box.start(List.of(HeatSegment.celsius(1000, 50, 1)));
        box.advance(10 * 60, IGNORE);
        assertThat(box.temperatureC()).isLessThanOrEqualTo(25 + 10 * 10);
        assertThat(box.setpointC()).isCloseTo(125, within(0.5));
    }

    @Test
    void chamberLagsTheSetpointThenSettlesDuringTheHold() {
        FurnaceModel box = new FurnaceModel(FurnaceSpec.boxFurnace("box-furnace-1"));
        box.start(List.of(HeatSegment.celsius(500, 5, 2)));
        box.advance(47.5 * 60, IGNORE); // setpoint reaches 500 °C after 95 min of ramp
        assertThat(box.temperatureC()).isLessThan(box.setpointC());
        box.advance(90 * 60, IGNORE);
        assertThat(box.temperatureC()).isCloseTo(500, within(1.0));
        assertThat(box.heaterOn()).isTrue();
    }

    @Test
    void heaterTurnsOffAfterTheLastHoldAndTheFurnaceCoolsNaturally() {
        FurnaceModel box = new FurnaceModel(FurnaceSpec.boxFurnace("box-furnace-1"));
        box.start(List.of(HeatSegment.celsius(1000, 10, 1)));
        box.advance((97.5 + 60 + 1) * 60, IGNORE);
        assertThat(box.programDone()).isTrue();
        double atEnd = box.temperatureC();
        assertThat(atEnd).isGreaterThan(950);
        box.advance(3600, IGNORE);
        assertThat(box.temperatureC()).isLessThan(atEnd - 200).isGreaterThan(100);
        box.advance(4 * 3600, IGNORE);
        assertThat(box.temperatureC()).isLessThan(100);
        assertThat(box.maxReachedC()).isCloseTo(1000, within(5.0));
    }

    @Test
    void anOpenDoorCoolsTheChamberFaster() {
        FurnaceModel closed = new FurnaceModel(FurnaceSpec.boxFurnace("a"));
        FurnaceModel open = new FurnaceModel(FurnaceSpec.boxFurnace("b"));
        for (FurnaceModel f : List.of(closed, open)) {
            f.start(List.of(HeatSegment.celsius(800, 10, 0)));
            f.advance(80 * 60, IGNORE);
            f.heaterOff();
        }
        open.setDoorOpen(true);
        closed.advance(600, IGNORE);
        open.advance(600, IGNORE);
        assertThat(open.temperatureC()).isLessThan(closed.temperatureC() - 50);
    }

    @Test
    void stepsReportTheTemperatureHistoryToTheSamples() {
        FurnaceModel tube = new FurnaceModel(FurnaceSpec.tubeFurnace("tube-furnace-1"));
        tube.start(List.of(HeatSegment.celsius(600, 10, 1)));
        double[] hoursAbove550 = {0};
        tube.advance(3 * 3600, (t, h) -> hoursAbove550[0] += t > 550 ? h : 0);
        assertThat(hoursAbove550[0]).isBetween(1.0, 1.5);
    }

    @Test
    void aStuckThermocoupleKeepsReportingItsLastReading() {
        FurnaceModel box = new FurnaceModel(FurnaceSpec.boxFurnace("box-furnace-1"));
        box.start(List.of(HeatSegment.celsius(600, 10, 1)));
        box.advance(600, IGNORE);
        box.setStuckSensor(true);
        double frozen = box.reportedTemperatureC();
        box.advance(1200, IGNORE);
        assertThat(box.reportedTemperatureC()).isEqualTo(frozen);
        assertThat(box.temperatureC()).isGreaterThan(frozen + 50);
    }

    @Test
    void refusesAProgramAboveItsLimit() {
        FurnaceModel box = new FurnaceModel(FurnaceSpec.boxFurnace("box-furnace-1"));
        assertThatThrownBy(() -> box.start(List.of(HeatSegment.celsius(1250, 5, 1)))).hasMessageContaining("1200");
    }

    @Test
    void tubeFurnaceAcceptsDiluteHydrogenOnly() {
        FurnaceSpec tube = FurnaceSpec.tubeFurnace("tube-furnace-1");
        assertThat(tube.accepts("H2/Ar", 4)).isTrue();
        assertThat(tube.accepts("H2/Ar", 5)).isFalse();
        assertThat(FurnaceSpec.boxFurnace("b").accepts("Ar", 0)).isFalse();
    }
}
