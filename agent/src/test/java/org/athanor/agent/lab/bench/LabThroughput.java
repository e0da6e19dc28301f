package org.athanor.agent.lab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.agent.campaign.ExperimentDesign;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.agent.lab.LabSession;
import org.athanor.agent.lab.PhaseLibraries;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.athanor.engine.RunHandle;
import org.athanor.engine.RunOutcome;
import org.athanor.engine.RunRequest;
import org.athanor.safety.Verdict;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * Engine throughput on the default simulated lab, the whole stack: N dry-run campaigns each submit one experiment at
 * once (planned by the offline planner, vetted by the gate, dispatched through the gate's live checks to the OPC UA and
 * MQTT drivers of the in-process simulated lab, XRD analysed, every state change journaled in an H2 file). Prints
 * steps per wall second, the lab-time makespan, each instrument's busy time and utilisation, and the makespan against
 * its lower bound: the busiest instrument's busy time (it serves one step at a time), or the longest single
 * experiment, whichever is larger.
 *
 * <p>Run: {@code java -cp <agent test classpath> org.athanor.agent.lab.bench.LabThroughput [campaigns] [pace] [seed]}, or
 * {@code ./bench agent --main org.athanor.agent.lab.bench.LabThroughput 50}.
 */
public final class LabThroughput {

    private static final String GOAL = "Make 2 g of phase-pure BaTiO3 from BaCO3 and TiO2, confirm by XRD, stay below 1250 °C";
    private static final String[] FURNACES = {"box-furnace-1", "box-furnace-2", "tube-furnace-1"};
    private static final double[] TEMPERATURES = {1000, 1050, 1100, 1150};

    public static void main(String[] args) throws Exception {
        int campaigns = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        // Lab seconds per wall second. As fast as practical makes the figures clock-bound: every wall millisecond a
        // driver round trip takes is 100 s of lab time, so short steps look hours long. 5000 keeps that under 10 min.
        double pace = args.length > 1 ? Double.parseDouble(args[1]) : 5000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        PlanResult plan = Planners.offline().plan(GOAL);
        if (!plan.approved()) {
            throw new IllegalStateException("the benchmark goal was not planned: " + plan.reason());
        }
        Path dir = Files.createTempDirectory("athanor-throughput");
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.resolve(dir));
             LabSession lab = LabSession.simulated(new LabSession.Options(seed, pace, dir, PhaseLibraries.forSimulatedLab(), journal,
                     line -> { }))) {
            ExperimentDesign design = ExperimentDesign.around(plan.workflow(), 1200, 10, false, false);
            List<Workflow> workflows = new ArrayList<>();
            for (int i = 0; i < campaigns; i++) {
                Map<String, Object> p = new LinkedHashMap<>(design.startingPoint(plan.workflow()));
                p.put(ExperimentDesign.TEMPERATURE, TEMPERATURES[i % TEMPERATURES.length]);
                p.put(ExperimentDesign.HOLD, 1.0 + i % 3);
                Workflow w = inFurnace(design.apply(plan.workflow(), "campaign-" + i, 1, p), FURNACES[i % FURNACES.length], "c" + i + "-");
                Verdict v = lab.gate().vet(w, lab.labState());
                if (!v.approved()) {
                    throw new IllegalStateException("experiment " + i + " was rejected: " + v.errors());
                }
                lab.approvals().putAll(w.id(), v.approvalTokens());
                workflows.add(w);
            }
            java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
            lab.engine().addListener(e -> {
                switch (e.type()) {
                    case RUN_PAUSED, STEP_FAILED -> System.out.println("  " + e.runId() + " " + e.type().json() + ": " + e.data());
                    case STEP_WAITING -> System.out.println("  " + e.runId() + " " + e.stepId() + " waits: " + e.data());
                    case RUN_FINISHED -> {
                        int n = finished.incrementAndGet();
                        if (n % 10 == 0) {
                            System.out.println("  " + n + " campaigns' experiments finished");
                        }
                    }
                    default -> { }
                }
            });
            Instant labStart = lab.clock().now();
            long wall0 = System.nanoTime();
            List<RunHandle> handles = new ArrayList<>();
            for (int i = 0; i < campaigns; i++) {
                handles.add(lab.engine().submit(new RunRequest("campaign-" + i, "e1", workflows.get(i), true)));
            }
            int completed = 0;
            for (RunHandle h : handles) {
                RunOutcome o = h.outcome().get(30, TimeUnit.MINUTES);
                if (o.status() == RunOutcome.Status.COMPLETED) {
                    completed++;
                }
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double makespanH = Duration.between(labStart, lab.clock().now()).toNanos() / 3.6e12;
            long steps = lab.engine().dispatchedSteps();
            System.out.printf(Locale.ROOT, "%d campaigns (%d completed), %d steps in %.1f s wall at pace %.0f: %.1f steps/s; lab makespan %.1f h%n",
                    campaigns, completed, steps, wall, pace, steps / wall, makespanH);
            Map<String, Long> busy = lab.engine().instrumentBusyNanos();
            String bottleneck = busy.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            busy.forEach((instrument, nanos) -> System.out.printf(Locale.ROOT, "  %-15s busy %6.1f h  utilisation %4.0f%%%s%n",
                    instrument, nanos / 3.6e12, 100 * nanos / 3.6e12 / makespanH, instrument.equals(bottleneck) ? "  <- bottleneck" : ""));
            double bound = busy.get(bottleneck) / 3.6e12;
            System.out.printf(Locale.ROOT, "bottleneck %s: makespan %.1f h vs lower bound %.1f h (%.2fx)%n",
                    bottleneck, makespanH, bound, makespanH / bound);
        }
    }

    /**
     * The experiment's furnace and samples named apart from other campaigns' (sample ids are unique in a lab: its
     * instruments refuse a second sample of the same name).
     */
    static Workflow inFurnace(Workflow w, String furnace, String samplePrefix) {
        String planned = w.stepsOf(Action.HEAT).get(0).instrument();
        return w.withInstrumentReplaced(planned, furnace).mapSteps(s -> s.sample() == null ? s
                : new Step(s.id(), s.action(), s.instrument(), samplePrefix + s.sample(), s.after(), s.params()));
    }
}
