package org.athanor.safety.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.safety.Gate;
import org.athanor.safety.Verdict;
import org.athanor.safety.audit.JsonLinesAuditLog;
import org.athanor.safety.lab.LabState;
import org.athanor.safety.lab.LiveState;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;
import org.athanor.workflow.approval.ApprovalTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The gate's two figures: plan-time throughput for a 12-step BaTiO3 workflow (two firings with a regrind, XRD) on
 * two threads, and dispatch-time latency percentiles for one heat step. Run:
 * {@code ./bench safety-rules GateBenchmark -f 1 -wi 2 -i 3 -w 2 -r 3}.
 */
@State(Scope.Benchmark)
public class GateBenchmark {

    private static final ApprovalTokens TOKENS = new ApprovalTokens("benchmark-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    private Gate gate;
    private Gate gateWithFileAudit;
    private Path auditFile;
    private LabState lab;
    private Workflow workflow;
    private Step heat;
    private LiveState live;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        gate = Gate.standard(TOKENS, entry -> { });
        auditFile = Files.createTempFile("athanor-audit", ".jsonl");
        gateWithFileAudit = Gate.standard(TOKENS, new JsonLinesAuditLog(auditFile, false));
        lab = LabState.defaultSimulatedLab();
        workflow = twelveSteps();
        heat = workflow.step("fire-1").orElseThrow();
        live = LiveState.allIdle(lab, Instant.parse("2026-11-27T03:00:00Z"), 22).withCrucible("s1", 25);
        Verdict v = gate.vet(workflow, lab);
        if (!v.approved() || v.approvalTokens().size() != 12) {
            throw new IllegalStateException("benchmark workflow must be approved with 12 tokens: " + v.violations());
        }
        if (!gate.vetStep(workflow, heat, live).approved()) {
            throw new IllegalStateException("benchmark dispatch must be approved");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Files.deleteIfExists(auditFile);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Verdict planTimeVetTwelveSteps() {
        return gate.vet(workflow, lab);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Verdict planTimeVetTwelveStepsWithFileAudit() {
        return gateWithFileAudit.vet(workflow, lab);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict dispatchTimeVetOneStep() {
        return gate.vetStep(workflow, heat, live);
    }

    static Workflow twelveSteps() {
        List<Step> steps = new ArrayList<>();
        steps.add(step("d1", Action.DISPENSE, "dispenser-1", Map.of("material", "BaCO3", "mass", Quantity.of(1.69, "g"))));
        steps.add(step("d2", Action.DISPENSE, "dispenser-1", Map.of("material", "TiO2", "mass", Quantity.of(0.68, "g"))));
        steps.add(step("d3", Action.DISPENSE, "dispenser-1", Map.of("material", "TiO2", "mass", Quantity.of(10, "mg"))));
        steps.add(step("mill-1", Action.MIX, "mill-1", Map.of("duration", Quantity.of(30, "min"), "method", "ball-mill")));
        steps.add(step("load-1", Action.TRANSFER, "robot-1", Map.of("to", "box-furnace-1")));
        steps.add(step("fire-1", Action.HEAT, "box-furnace-1", Map.of("profile",
                List.of(HeatSegment.celsius(900, 5, 2), HeatSegment.celsius(1150, 5, 8)), "atmosphere", Atmosphere.AIR, "crucible", "alumina")));
        steps.add(step("unload-1", Action.TRANSFER, "robot-1", Map.of("to", "mill-1")));
        steps.add(step("mill-2", Action.MIX, "mill-1", Map.of("duration", Quantity.of(20, "min"), "method", "ball-mill")));
        steps.add(step("load-2", Action.TRANSFER, "robot-1", Map.of("to", "box-furnace-1")));
        steps.add(step("fire-2", Action.HEAT, "box-furnace-1", Map.of("profile",
                List.of(HeatSegment.celsius(1200, 5, 10)), "atmosphere", Atmosphere.AIR, "crucible", "alumina")));
        steps.add(step("unload-2", Action.TRANSFER, "robot-1", Map.of("to", "xrd-1")));
        steps.add(step("xrd", Action.XRD, "xrd-1", Map.of("twoThetaStart", Quantity.of(10, "deg"), "twoThetaEnd", Quantity.of(80, "deg"))));
        return new Workflow("bench-BaTiO3", "make 2 g of BaTiO3", new Target("BaTiO3", null, null, null), null, steps);
    }

    private static Step step(String id, Action action, String instrument, Map<String, Object> params) {
        Map<String, Object> json = new LinkedHashMap<>();
        params.forEach((k, v) -> json.put(k, WorkflowJson.mapper().convertValue(v, Object.class)));
        return new Step(id, action, instrument, "s1", null, json);
    }
}
