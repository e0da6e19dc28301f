package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.agent.lab.LabSession;
import org.athanor.agent.lab.PhaseLibraries;
import org.athanor.agent.planner.Planners;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.materials.Composition;
import org.athanor.simulators.world.SampleSnapshot;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of two experiments on the real simulated lab (Milo OPC UA, HiveMQ with Paho devices, Drools gate, H2
 * journal): each heats in its own box furnace at the same time, and each report still matches what the simulated
 * world made. A fault in one furnace ends only the experiment in it.
 */
class BatchCampaignIT {

    private static final String GOAL = "Make 2 g of phase-pure BaTiO3 from BaCO3 and TiO2, confirm by XRD, stay below 1250 °C";

    @TempDir
    Path data;

    /** The plan, its design on the lab's box furnaces, and a proposer that gives one batch of fixed temperatures. */
    private record Setup(Workflow plan, Step heat, Composition target, ExperimentDesign design, ParallelFurnaces furnaces) {
        CampaignLoop.Proposer proposer(List<Double> temperatures) {
            return new CampaignLoop.Proposer() {
                @Override
                public Map<String, Object> next(List<CampaignLoop.Observation> history) {
                    throw new AssertionError("the campaign asks for whole batches");
                }

                @Override
                public List<Map<String, Object>> next(List<CampaignLoop.Observation> history, int count) {
                    return temperatures.subList(history.size(), history.size() + count).stream().map(t -> {
                        Map<String, Object> p = new LinkedHashMap<>(design.startingPoint(plan));
                        p.put(ExperimentDesign.TEMPERATURE, t);
                        p.put(ExperimentDesign.HOLD, 6.0);
                        return p;
                    }).toList();
                }
            };
        }
    }

    private static Setup setup(LabSession lab) {
        var plan = Planners.offline().plan(GOAL);
        assertThat(plan.approved()).as("plan: %s", plan.reason()).isTrue();
        Workflow w = plan.workflow();
        Step heat = w.stepsOf(Action.HEAT).get(0);
        ParallelFurnaces furnaces = ParallelFurnaces.of(lab.config(), heat.instrument());
        var design = ExperimentDesign.around(w, lab.furnaceLimitC(heat.instrument()), lab.furnaceRampLimit(heat.instrument()), false, false);
        return new Setup(w, heat, Composition.parse(w.target().formula()), design, furnaces);
    }

    private LabSession lab(JdbcJournal journal) throws Exception {
        return LabSession.simulated(new LabSession.Options(11, ScaledClock.AS_FAST_AS_PRACTICAL, data,
                PhaseLibraries.forSimulatedLab(), journal, line -> { }));
    }

    @Test
    void aBatchOfTwoHeatsInBothBoxFurnacesAtOnceAndEachReportMatchesTheWorld() throws Exception {
        String runId = "it-batch";
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(data)); LabSession lab = lab(journal)) {
            Setup s = setup(lab);
            assertThat(s.furnaces().furnaces()).containsExactly("box-furnace-1", "box-furnace-2");
            var experimenter = new LabExperimenter(lab, s.plan(), s.design(), runId, s.target(),
                    Files.createDirectories(data.resolve("plots")), s.furnaces());

            var outcome = new CampaignLoop(new StopRules(2, 0.99, 5, 0.01), 2)
                    .run(s.proposer(List.of(850.0, 1150.0)), experimenter, CampaignLoop.Progress.NONE);

            assertThat(outcome.experiments()).extracting(CampaignReport.Experiment::index).containsExactly(1, 2);
            var world = lab.simulatedWorld().orElseThrow();
            for (CampaignReport.Experiment e : outcome.experiments()) {
                assertThat(e.verdict()).as("experiment %d: %s", e.index(), e.notes()).isEqualTo("approved");
                SampleSnapshot truth = world.snapshot(s.heat().sample() + "-e" + e.index());
                double made = truth.phaseWeightFractions().entrySet().stream()
                        .filter(x -> TargetFraction.isTarget(x.getKey(), s.target())).mapToDouble(Map.Entry::getValue).sum();
                assertThat(e.targetFraction()).as("experiment %d: analysed %s vs simulated %s", e.index(), e.phases(), truth.phaseWeightFractions())
                        .isCloseTo(made, org.assertj.core.data.Offset.offset(0.12));
            }
            assertThat(outcome.experiments().get(1).targetFraction()).isGreaterThan(outcome.experiments().get(0).targetFraction());

            List<EngineEvent> events = journal.events(runId);
            Interval first = heating(events, "e1");
            Interval second = heating(events, "e2");
            assertThat(first.furnace()).isEqualTo("box-furnace-1");
            assertThat(second.furnace()).isEqualTo("box-furnace-2");
            assertThat(first.start()).as("e1 %s, e2 %s", first, second).isBefore(second.end());
            assertThat(second.start()).as("e1 %s, e2 %s", first, second).isBefore(first.end());
        }
    }

    @Test
    void aFurnaceThatFailsEndsOnlyTheExperimentHeatingInIt() throws Exception {
        String runId = "it-batch-fault";
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(data)); LabSession lab = lab(journal)) {
            Setup s = setup(lab);
            var experimenter = new LabExperimenter(lab, s.plan(), s.design(), runId, s.target(),
                    Files.createDirectories(data.resolve("plots")), s.furnaces());
            var faults = lab.simulatedFaults().orElseThrow();
            // box-furnace-1 drops off the network as experiment 1's heat step is sent to it.
            lab.engine().addListener(e -> {
                if (e.type() == Type.STEP_DISPATCHED && "e1".equals(e.experiment()) && "box-furnace-1".equals(e.text("instrument"))) {
                    faults.disconnect("box-furnace-1");
                }
            });

            var outcome = new CampaignLoop(new StopRules(2, 0.99, 5, 0.01), 2)
                    .run(s.proposer(List.of(1100.0, 1150.0)), experimenter, CampaignLoop.Progress.NONE);

            assertThat(outcome.stopReason()).isNotEqualTo(CampaignReport.StopReason.ABORTED);
            CampaignReport.Experiment failed = outcome.experiments().get(0);
            CampaignReport.Experiment sibling = outcome.experiments().get(1);
            assertThat(failed.verdict()).isEqualTo("failed");
            assertThat(failed.notes()).anyMatch(n -> n.startsWith("aborted: paused by a fault"));
            assertThat(failed.notes()).anyMatch(n -> n.contains("marked"));
            assertThat(sibling.verdict()).as("sibling: %s", sibling.notes()).isEqualTo("approved");
            SampleSnapshot truth = lab.simulatedWorld().orElseThrow().snapshot(s.heat().sample() + "-e2");
            double made = truth.phaseWeightFractions().entrySet().stream()
                    .filter(x -> TargetFraction.isTarget(x.getKey(), s.target())).mapToDouble(Map.Entry::getValue).sum();
            assertThat(sibling.targetFraction()).isCloseTo(made, org.assertj.core.data.Offset.offset(0.12));
            assertThat(journal.events(runId)).filteredOn(e -> e.type() == Type.RUN_PAUSED)
                    .allSatisfy(e -> assertThat(e.text("experiment")).isEqualTo("e1"));
        }
    }

    private record Interval(String furnace, Instant start, Instant end) {
    }

    /** When the experiment's heat step was sent to its furnace and when it came back, on the lab clock. */
    private static Interval heating(List<EngineEvent> events, String experiment) {
        EngineEvent sent = events.stream().filter(e -> e.type() == Type.STEP_DISPATCHED && experiment.equals(e.experiment())
                && "heat".equals(e.text("action"))).findFirst().orElseThrow(() -> new AssertionError("no heat step of " + experiment));
        EngineEvent back = events.stream().filter(e -> e.type() == Type.STEP_COMPLETED && experiment.equals(e.experiment())
                && sent.stepId().equals(e.stepId())).findFirst().orElseThrow(() -> new AssertionError("heat of " + experiment + " never completed"));
        return new Interval(sent.text("instrument"), sent.time(), back.time());
    }
}
