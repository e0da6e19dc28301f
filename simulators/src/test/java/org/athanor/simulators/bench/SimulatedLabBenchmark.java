package org.athanor.simulators.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.athanor.simulators.furnace.FurnaceModel;
import org.athanor.simulators.furnace.FurnaceSpec;
import org.athanor.simulators.world.SampleSnapshot;
import org.athanor.simulators.world.SynthesisWorld;
import org.athanor.simulators.xrd.PhaseLibrary;
import org.athanor.simulators.xrd.PowderPatternCalculator;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the simulated lab costs in wall time: a whole furnace firing (ramp to 1100 °C, 8 h hold, natural cooling to
 * 100 °C, with four BaTiO3 batches inside, 20 s integration steps), and one XRD scan of a partly reacted batch
 * (10–80° 2θ, 0.02° steps, five phases). Run: ./bench simulators SimulatedLabBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimulatedLabBenchmark {

    private PowderPatternCalculator calculator;
    private SampleSnapshot partlyReacted;
    private double[] grid;

    @Setup
    public void setUp() {
        calculator = PhaseLibrary.load().calculator();
        SynthesisWorld world = SynthesisWorld.withDefaults(1);
        batch(world, "x");
        for (int i = 0; i < 50; i++) {
            world.expose("x", 1000, Atmosphere.AIR, 0.05);
        }
        partlyReacted = world.snapshot("x");
        grid = new double[3501];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 10 + 0.02 * i;
        }
    }

    private static void batch(SynthesisWorld world, String id) {
        Random doser = new Random(1);
        world.dispense(id, "BaCO3", 1973.4, doser);
        world.dispense(id, "TiO2", 798.7, doser);
        world.mix(id, 1800, "ball-mill");
    }

    @Benchmark
    public double firingOfFourBatches() {
        SynthesisWorld world = SynthesisWorld.withDefaults(2);
        List<String> ids = List.of("a", "b", "c", "d");
        ids.forEach(id -> batch(world, id));
        FurnaceModel box = new FurnaceModel(FurnaceSpec.boxFurnace("box-furnace-1"));
        box.start(List.of(HeatSegment.celsius(1100, 10, 8)));
        while (!box.programDone() || box.temperatureC() > 100) {
            box.advance(600, (t, h) -> ids.forEach(id -> world.expose(id, t, Atmosphere.AIR, h)));
        }
        return world.snapshot("a").weightFraction("BaTiO3");
    }

    @Benchmark
    public double[] xrdScanOfAPartlyReactedBatch() {
        return calculator.intensities(partlyReacted.phaseWeightFractions(), partlyReacted.crystalliteSizeNm(), grid);
    }

    public Map<String, Double> phases() {
        return partlyReacted.phaseWeightFractions();
    }
}
