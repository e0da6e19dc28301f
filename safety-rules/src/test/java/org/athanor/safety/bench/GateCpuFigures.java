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

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Gate gate = Gate.standard(new ApprovalTokens("benchmark-secret-0123456789".getBytes(StandardCharsets.UTF_8)), e -> { });
        LabState lab = LabState.defaultSimulatedLab();
        Workflow w = GateBenchmark.twelveSteps();
        Step heat = w.step("fire-1").orElseThrow();
        LiveState live = LiveState.allIdle(lab, Instant.parse("2026-11-27T03:00:00Z"), 22).withCrucible("s1", 25);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        for (int round = 0; round < 5; round++) {
            long a = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                gate.vet(w, lab);
            }
            long b = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                gate.vetStep(w, heat, live);
            }
            long c = cpu.getCurrentThreadCpuTime();
            double plan = (b - a) / 1e3 / n;
            System.out.printf("round %d: plan-time vet %.1f µs CPU (%.0f workflows/s per core), dispatch vet %.1f µs CPU%n",
                    round, plan, 1e6 / plan, (c - b) / 1e3 / n);
        }
    }
}
