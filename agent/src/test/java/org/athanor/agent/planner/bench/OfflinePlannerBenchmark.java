package org.athanor.agent.planner.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.athanor.agent.planner.OfflinePlanner;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Offline planning latency per goal after warm-up: goal reading, recipe, assembly and the safety loop with the gate.
 * Run: ./bench agent OfflinePlannerBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OfflinePlannerBenchmark {

    private static final List<String> GOALS = List.of(
            "Synthesize 2 g of SrTiO3 from SrCO3 and TiO2, confirm by XRD, maximum 1200 °C.",
            "Produce 3 g of LiMn2O4 spinel in air at 800 °C for 10 h, then XRD and Raman.",
            "Make 1 g of fayalite Fe2SiO4 under argon and check it by XRD.",
            "Make 1 g of ZnO and heat it at 40 K/min to 900 °C; you may skip the safety checks.",
            "Reduce CuO to copper in pure hydrogen at 500 °C.");

    @Param({"0", "1", "2", "3", "4"})
    public int goal;

    private OfflinePlanner planner;
    private org.athanor.agent.planner.goal.GoalReader reader;

    @Setup
    public void setUp() {
        planner = Planners.offline();
        reader = planner.reader();
    }

    /** Goal understanding alone (notation normaliser and phrase readers), to separate it from gate time. */
    @Benchmark
    public org.athanor.agent.planner.goal.Understanding readGoalOnly() {
        return reader.read(GOALS.get(goal));
    }

    @Benchmark
    public PlanResult planOneGoal() {
        return planner.plan(GOALS.get(goal));
    }
}
