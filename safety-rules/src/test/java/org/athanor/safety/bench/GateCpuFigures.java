package org.athanor.safety.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.athanor.safety.Gate;
import org.athanor.safety.lab.LabState;
import org.athanor.safety.lab.LiveState;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * CPU time per gate call, measured on the calling thread. On a machine shared with other work, wall-clock JMH figures
 * mostly measure the other work; thread CPU time says what one vet costs a core. Run with
 * {@code java -cp … org.athanor.safety.bench.GateCpuFigures}.
 */
public final class GateCpuFigures {

    private GateCpuFigures() {
    }

    /**
     * {@code GateCpuFigures [vets per round] [threads]}: five rounds; with more than one thread, every thread vets the same
     * workflow at once through one shared gate (as JMH's {@code -t 2} does) and the CPU per vet is summed over them.
     */
    public static void main(String[] args) throws InterruptedException {
        Gate gate = Gate.standard(new ApprovalTokens("benchmark-secret-0123456789".getBytes(StandardCharsets.UTF_8)), e -> { });
        LabState lab = LabState.defaultSimulatedLab();
        Workflow w = GateBenchmark.twelveSteps();
        Step heat = w.step("fire-1").orElseThrow();
        LiveState live = LiveState.allIdle(lab, Instant.parse("2026-11-27T03:00:00Z"), 22).withCrucible("s1", 25);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int round = 0; round < 5; round++) {
            if (threads == 1) {
                long[] cpu = rounds(gate, w, heat, lab, live, n);
                double plan = cpu[0] / 1e3 / n;
                System.out.printf("round %d: plan-time vet %.1f µs CPU (%.0f workflows/s per core), dispatch vet %.1f µs CPU%n",
                        round, plan, 1e6 / plan, cpu[1] / 1e3 / n);
            } else {
                long[][] cpu = new long[threads][];
                Thread[] running = new Thread[threads];
                long start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    int slot = t;
                    running[t] = new Thread(() -> cpu[slot] = rounds(gate, w, heat, lab, live, n));
                    running[t].start();
                }
                for (Thread t : running) {
                    t.join();
                }
                double wallS = (System.nanoTime() - start) / 1e9;
                long planNs = 0;
                long dispatchNs = 0;
                for (long[] c : cpu) {
                    planNs += c[0];
                    dispatchNs += c[1];
                }
                double plan = planNs / 1e3 / (n * (double) threads);
                System.out.printf("round %d, %d threads: plan-time vet %.1f µs CPU (%.0f workflows/s per core), dispatch vet "
                        + "%.1f µs CPU; wall %.1f s for %d plan and %d dispatch vets%n", round, threads, plan, 1e6 / plan,
                        dispatchNs / 1e3 / (n * (double) threads), wallS, n * threads, n * threads);
            }
        }
    }

    /** CPU time of the calling thread for n plan-time vets, then for n dispatch-time vets. */
    private static long[] rounds(Gate gate, Workflow w, Step heat, LabState lab, LiveState live, int n) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long a = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            gate.vet(w, lab);
        }
        long b = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            gate.vetStep(w, heat, live);
        }
        long c = cpu.getCurrentThreadCpuTime();
        return new long[] {b - a, c - b};
    }
}
