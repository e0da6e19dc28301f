package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.athanor.safety.lab.InstrumentReading;
import org.athanor.safety.lab.LabState;
import org.athanor.safety.lab.LiveState;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

/**
 * One gate shared by several threads gives every caller exactly the verdict (decision, violations, tokens, inputs hash)
 * that a gate used by one thread gives: pooled single-threaded sessions, per-thread digests and the caches never mix
 * two vets up.
 */
class GateUnderConcurrencyTest {

    private static final LabState LAB = LabState.defaultSimulatedLab();
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    @Test
    void concurrentPlanTimeVetsGiveTheVerdictsOfSequentialOnes() throws Exception {
        List<Workflow> workflows = exampleWorkflows();
        Gate sequential = Plans.gate();
        List<Verdict> expected = workflows.stream().map(w -> sequential.vet(w, LAB)).toList();
        assertThat(expected).anyMatch(Verdict::approved).anyMatch(v -> !v.approved());

        Gate shared = Plans.gate();
        List<Verdict> seen = runConcurrently(workflows.size(), i -> shared.vet(workflows.get(i), LAB));
        for (int k = 0; k < seen.size(); k++) {
            int i = k % workflows.size();
            assertThat(seen.get(k)).as(workflows.get(i).id()).isEqualTo(expected.get(i));
        }
    }

    @Test
    void concurrentDispatchVetsGiveTheVerdictsOfSequentialOnes() throws Exception {
        List<Workflow> workflows = exampleWorkflows();
        LiveState idle = LiveState.allIdle(LAB, NOW, 22).withCrucible("s1", 25);
        LiveState busy = idle.with("box-furnace-1", new InstrumentReading(NOW, "another-run", true, true, 900.0))
                .withCrucible("s1", 400);
        List<Workflow> runs = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<LiveState> states = new ArrayList<>();
        for (Workflow w : workflows) {
            for (Step s : w.steps()) {
                for (LiveState live : List.of(idle, busy)) {
                    runs.add(w);
                    steps.add(s);
                    states.add(live);
                }
            }
        }
        Gate sequential = Plans.gate();
        List<Verdict> expected = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            expected.add(sequential.vetStep(runs.get(i), steps.get(i), states.get(i)));
        }
        assertThat(expected).anyMatch(Verdict::approved).anyMatch(v -> v.decision() == Verdict.Decision.WAIT);

        Gate shared = Plans.gate();
        List<Verdict> seen = runConcurrently(steps.size(), i -> shared.vetStep(runs.get(i), steps.get(i), states.get(i)));
        for (int k = 0; k < seen.size(); k++) {
            int i = k % steps.size();
            assertThat(seen.get(k)).as("%s/%s", runs.get(i).id(), steps.get(i).id()).isEqualTo(expected.get(i));
        }
    }

    private interface Vet {
        Verdict of(int index);
    }

    /**
     * Four threads, each vetting every input several times in its own shuffled order. Returns the verdicts in input
     * order, input by input repeated (entry k is for input k % n), whatever order they were computed in.
     */
    private static List<Verdict> runConcurrently(int n, Vet vet) throws Exception {
        int threads = 4;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Verdict[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Verdict[] out = new Verdict[n * rounds];
                    List<Integer> order = new ArrayList<>();
                    for (int k = 0; k < n * rounds; k++) {
                        order.add(k);
                    }
                    Collections.shuffle(order, new Random(seed));
                    for (int k : order) {
                        out[k] = vet.of(k % n);
                    }
                    return out;
                }));
            }
            List<Verdict> all = new ArrayList<>();
            for (Future<Verdict[]> f : futures) {
                Collections.addAll(all, f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Workflow> exampleWorkflows() throws Exception {
        Path dir = ExampleWorkflowsTest.dir();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> paths = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("invalid")).sorted().toList();
            List<Workflow> out = new ArrayList<>();
            for (Path p : paths) {
                out.add(WorkflowJson.read(p));
            }
            return out;
        }
    }
}
