package org.athanor.engine.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.Engine;
import org.athanor.engine.RunHandle;
import org.athanor.engine.RunRequest;
import org.athanor.engine.StepContext;
import org.athanor.engine.StepHandler;
import org.athanor.engine.StepResult;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;

/**
 * Engine throughput with N concurrent dry-run workflows on fake handlers modelling the default lab (PROTOCOL.md:
 * dispenser-1, mill-1, robot-1, box-furnace-1/2 with 4 slots, tube-furnace-1, xrd-1). Prints steps per wall second,
 * the lab-time makespan, and each instrument's utilisation against its lower bound.
 *
 * <p>Run: {@code java -cp <workflows test classpath> org.athanor.engine.bench.EngineThroughput [runs] [pace]}.
 */
public final class EngineThroughput {

    // Step durations of the model (lab time). Cooling at 5 °C/min to 100 °C after the hold, as the furnace
    // simulator's program ends at <= 100 °C (PROTOCOL.md).
    static final Duration DISPENSE = Duration.ofMinutes(5);
    static final Duration MIX = Duration.ofMinutes(20);
    static final Duration TRANSFER = Duration.ofMinutes(2);
    static final Duration XRD = Duration.ofMinutes(30);
    static final double[] TEMPERATURES = {900, 1000, 1100, 1200};
    static final String[] FURNACES = {"box-furnace-1", "box-furnace-2", "tube-furnace-1"};
    static final Map<String, Integer> SLOTS = Map.of("box-furnace-1", 4, "box-furnace-2", 4, "tube-furnace-1", 1);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        // "max": handlers return at once, so the figure is the engine's own overhead per step
        boolean instant = args.length > 1 && args[1].equals("max");
        double pace = args.length > 1 && !instant ? Double.parseDouble(args[1]) : 2e4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int r = 1; r <= rounds; r++) {
            System.out.print("round " + r + ": ");
            run(runs, instant, pace);
        }
    }

    static void run(int runs, boolean instant, double pace) throws Exception {
        ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), pace);
        var b = Engine.builder().clock(clock);
        for (Action a : List.of(Action.DISPENSE, Action.MIX, Action.TRANSFER, Action.HEAT, Action.XRD, Action.ANALYZE)) {
            b.handler(new Modelled(a, instant));
        }
        SLOTS.forEach(b::slots);
        try (Engine engine = b.build()) {
            List<Workflow> workflows = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                workflows.add(workflow(i));
            }
            Instant labStart = clock.now();
            long wall0 = System.nanoTime();
            List<RunHandle> handles = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                handles.add(engine.submit(new RunRequest("campaign-" + i, "1", workflows.get(i), true)));
            }
            for (RunHandle h : handles) {
                h.outcome().get(10, TimeUnit.MINUTES);
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double makespanH = Duration.between(labStart, clock.now()).toNanos() / 3.6e12;
            long steps = engine.dispatchedSteps();
            System.out.printf(Locale.ROOT, "%d workflows, %d steps in %.2f s wall: %.0f steps/s (%s); lab makespan %.1f h%n",
                    runs, steps, wall, steps / wall, instant ? "handlers return at once" : "pace " + pace, makespanH);
            if (instant) {
                return;
            }
            Map<String, Double> bound = lowerBoundsHours(workflows);
            String bottleneck = bound.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            for (Map.Entry<String, Long> e : engine.instrumentBusyNanos().entrySet()) {
                double busyH = e.getValue() / 3.6e12;
                double lb = bound.getOrDefault(e.getKey(), 0.0);
                System.out.printf(Locale.ROOT, "  %-15s busy %6.1f h  utilisation %4.0f%%  lower bound on its busy time %6.1f h%s%n",
                        e.getKey(), busyH, 100 * busyH / makespanH, lb, e.getKey().equals(bottleneck) ? "  <- bottleneck" : "");
            }
            System.out.printf(Locale.ROOT, "bottleneck %s: makespan %.1f h vs its lower bound %.1f h (%.2fx)%n",
                    bottleneck, makespanH, bound.get(bottleneck), makespanH / bound.get(bottleneck));
        }
    }

    /** Busy time each instrument needs at least: its steps' durations; for a furnace, full loads of equal programs. */
    static Map<String, Double> lowerBoundsHours(List<Workflow> workflows) {
        Map<String, Double> single = new LinkedHashMap<>();
        Map<String, Map<Double, Integer>> heats = new LinkedHashMap<>();
        for (Workflow w : workflows) {
            for (Step s : w.steps()) {
                if (s.instrument() == null) {
                    continue;
                }
                if (s.action() == Action.HEAT) {
                    heats.computeIfAbsent(s.instrument(), k -> new LinkedHashMap<>()).merge(s.profile().get(0).temperature().celsius(), 1, Integer::sum);
                } else {
                    single.merge(s.instrument(), duration(s).toNanos() / 3.6e12, Double::sum);
                }
            }
        }
        heats.forEach((furnace, byT) -> byT.forEach((t, n) -> {
            int loads = (int) Math.ceil(n / (double) SLOTS.get(furnace));
            single.merge(furnace, loads * heatDuration(t, 5, 4).toNanos() / 3.6e12, Double::sum);
        }));
        return single;
    }

    static Workflow workflow(int i) {
        String s = "S" + i;
        double t = TEMPERATURES[i % TEMPERATURES.length];
        // The planner's furnace choice in this model: the single-slot tube furnace takes one sample in nine, the two
        // four-slot box furnaces share the rest.
        String furnace = i % 9 == 8 ? FURNACES[2] : FURNACES[i % 2];
        List<Step> steps = List.of(
                new Step("d1", Action.DISPENSE, "dispenser-1", s, null, Map.of("material", "BaCO3", "mass", Map.of("value", 1.2, "unit", "g"))),
                new Step("d2", Action.DISPENSE, "dispenser-1", s, null, Map.of("material", "TiO2", "mass", Map.of("value", 0.5, "unit", "g"))),
                new Step("mix", Action.MIX, "mill-1", s, null, Map.of()),
                new Step("load", Action.TRANSFER, "robot-1", s, null, Map.of("to", furnace)),
                new Step("heat", Action.HEAT, furnace, s, null, Map.of()).withParam("profile", List.of(HeatSegment.celsius(t, 5, 4)))
                        .withParam("atmosphere", Atmosphere.AIR).withParam("crucible", "alumina"),
                new Step("unload", Action.TRANSFER, "robot-1", s, null, Map.of("to", "xrd-1")),
                new Step("xrd", Action.XRD, "xrd-1", s, null, Map.of()).withParam("twoThetaStart", Quantity.of(10, "°"))
                        .withParam("twoThetaEnd", Quantity.of(80, "°")),
                new Step("analyze", Action.ANALYZE, null, s, null, Map.of()));
        return new Workflow("w" + i, "throughput", new Target("BaTiO3", null, null, null), null, steps);
    }

    static Duration duration(Step s) {
        return switch (s.action()) {
            case DISPENSE -> DISPENSE;
            case MIX -> MIX;
            case TRANSFER -> TRANSFER;
            case XRD -> XRD;
            case HEAT -> {
                HeatSegment h = s.profile().get(0);
                yield heatDuration(h.temperature().celsius(), h.rampRate().celsiusPerMinute(), h.hold().hours());
            }
            default -> Duration.ZERO;
        };
    }

    /** Ramp from 25 °C, hold, cool at 5 °C/min to 100 °C. */
    static Duration heatDuration(double celsius, double rampPerMin, double holdHours) {
        double minutes = (celsius - 25) / rampPerMin + holdHours * 60 + (celsius - 100) / 5;
        return Duration.ofSeconds((long) (minutes * 60));
    }

    /** A fake instrument that takes the modelled lab time. */
    record Modelled(Action action, boolean instant) implements StepHandler {
        @Override
        public StepResult execute(StepContext c) throws InterruptedException {
            Duration d = duration(c.step());
            if (!d.isZero() && !instant) {
                c.clock().sleep(d);
            }
            return StepResult.EMPTY;
        }
    }
}
