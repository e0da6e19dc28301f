package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.agent.lab.LabSession;
import org.athanor.agent.lab.PhaseLibraries;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.EngineEvent;
import org.athanor.materials.Composition;
import org.athanor.simulators.world.SampleSnapshot;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end with real components: the offline planner, the Drools gate, the engine, Milo OPC UA
 * server and clients, the embedded MQTT 5 broker with Paho devices and drivers, XRD phase identification and the H2
 * journal. The report must match what the simulated world actually made.
 */
class DemoCampaignIT {

    @TempDir
    Path data;

    @Test
    void aDemoCampaignRunsOnTheSimulatedLabAndReportsWhatWasMade() throws Exception {
        String goal = "Make 2 g of phase-pure BaTiO3 from BaCO3 and TiO2, confirm by XRD, stay below 1250 °C";
        PlanResult plan = Planners.offline().plan(goal);
        assertThat(plan.approved()).as("plan: %s", plan.reason()).isTrue();
        var workflow = plan.workflow();
        Composition target = Composition.parse(workflow.target().formula());
        String runId = "it-demo";

        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(data));
             LabSession lab = LabSession.simulated(new LabSession.Options(11, ScaledClock.AS_FAST_AS_PRACTICAL, data,
                     PhaseLibraries.forSimulatedLab(), journal, line -> { }))) {
            Step heat = workflow.stepsOf(Action.HEAT).get(0);
            var design = ExperimentDesign.around(workflow, lab.furnaceLimitC(heat.instrument()), lab.furnaceRampLimit(heat.instrument()), false, false);
            assertThat(design.temperatureC().max()).isLessThanOrEqualTo(1200.0); // box furnace limit, under the goal's 1250 °C
            var experimenter = new LabExperimenter(lab, workflow, design, runId, target, Files.createDirectories(data.resolve("plots")));
            var temperatures = List.of(850.0, 1150.0);
            CampaignLoop.Proposer proposer = history -> {
                var p = new java.util.LinkedHashMap<>(design.startingPoint(workflow));
                p.put(ExperimentDesign.TEMPERATURE, temperatures.get(history.size()));
                p.put(ExperimentDesign.HOLD, 6.0);
                return p;
            };
            var outcome = new CampaignLoop(new StopRules(2, 0.99, 5, 0.01)).run(proposer, experimenter, CampaignLoop.Progress.NONE);

            assertThat(outcome.experiments()).hasSize(2);
            var world = lab.simulatedWorld().orElseThrow();
            for (CampaignReport.Experiment e : outcome.experiments()) {
                assertThat(e.verdict()).isEqualTo("approved");
                assertThat(e.plot()).isNotNull();
                assertThat(Path.of(e.plot())).exists();
                SampleSnapshot truth = world.snapshot(heat.sample() + "-e" + e.index());
                double made = truth.phaseWeightFractions().entrySet().stream()
                        .filter(x -> TargetFraction.isTarget(x.getKey(), target)).mapToDouble(java.util.Map.Entry::getValue).sum();
                assertThat(e.targetFraction()).as("experiment %d: analysed %s vs simulated %s", e.index(), e.phases(), truth.phaseWeightFractions())
                        .isCloseTo(made, org.assertj.core.data.Offset.offset(0.12));
            }
            // 850 °C leaves the reaction unfinished; 1150 °C for 6 h gets much further (the world's kinetics).
            assertThat(outcome.experiments().get(1).targetFraction()).isGreaterThan(outcome.experiments().get(0).targetFraction());

            List<EngineEvent> events = journal.events(runId);
            assertThat(events).extracting(EngineEvent::type).contains(EngineEvent.Type.RUN_STARTED, EngineEvent.Type.STEP_DISPATCHED,
                    EngineEvent.Type.MEASUREMENT, EngineEvent.Type.RUN_FINISHED);
            // Each experiment's own steps (a re-check's follow-up is journaled as e<n>-recheck and counted apart).
            long dispatched = events.stream().filter(ev -> ev.type() == EngineEvent.Type.STEP_DISPATCHED)
                    .filter(ev -> List.of("e1", "e2").contains(ev.experiment())).count();
            assertThat(dispatched).isEqualTo(2L * workflow.steps().size());

            // The analysis is the agent's computation and takes no lab time (LabClock.computing): on the lab clock it is
            // shorter than the XRD scan it analyses, whose lab time holds the physical scan (points × count time) and
            // the same hand-overs between threads. Counted at the pace, half a wall second of phase identification was
            // hours of lab time, far longer than the scan.
            Step xrd = workflow.stepsOf(Action.XRD).get(0);
            Step analyze = workflow.stepsOf(Action.ANALYZE).get(0);
            for (String experiment : List.of("e1", "e2")) {
                java.time.Duration analysis = labDuration(events, experiment, analyze.id());
                java.time.Duration scan = labDuration(events, experiment, xrd.id());
                assertThat(analysis).as("%s: analysis %s vs XRD scan %s of lab time", experiment, analysis, scan).isLessThan(scan);
            }
        }
    }

    /** Lab time from a step's dispatch to its completion, as journaled. */
    private static java.time.Duration labDuration(List<EngineEvent> events, String experiment, String step) {
        java.time.Instant dispatched = events.stream().filter(e -> e.type() == EngineEvent.Type.STEP_DISPATCHED)
                .filter(e -> experiment.equals(e.experiment()) && step.equals(e.stepId())).map(EngineEvent::time).findFirst().orElseThrow();
        java.time.Instant completed = events.stream().filter(e -> e.type() == EngineEvent.Type.STEP_COMPLETED)
                .filter(e -> experiment.equals(e.experiment()) && step.equals(e.stepId())).map(EngineEvent::time).reduce((a, b) -> b).orElseThrow();
        return java.time.Duration.between(dispatched, completed);
    }
}
