package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.athanor.instruments.analysis.xrd.PhaseIdentification;
import org.athanor.materials.Composition;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characterisation-aware campaign on the simulated lab (Milo OPC UA server, embedded MQTT broker, Drools gate, H2
 * journal): a BaTiO3 firing at 1000 °C leaves most of the batch as Ba2TiO4, which XRD sees only as a hump, so the
 * identification is weak; the same sample is re-scanned and measured by Raman in a follow-up workflow the gate vets,
 * and the fraction the optimiser receives is compared with what the simulated world really made.
 */
class RecheckCampaignIT {

    @TempDir
    Path data;

    @Test
    void aWeakIdentificationIsReCheckedOnTheSameSampleAndTheOptimiserGetsAValueNearerTheTruth() throws Exception {
        String goal = "Make 2 g of phase-pure BaTiO3 from BaCO3 and TiO2, confirm by XRD, stay below 1250 °C";
        var workflow = Planners.offline().plan(goal).workflow();
        Composition target = Composition.parse(workflow.target().formula());
        String runId = "it-recheck";
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(data));
             LabSession lab = LabSession.simulated(new LabSession.Options(5, ScaledClock.AS_FAST_AS_PRACTICAL, data,
                     PhaseLibraries.forSimulatedLab(), journal, line -> { }))) {
            Step heat = workflow.stepsOf(Action.HEAT).get(0);
            // 1000 °C for 3 h: mostly Ba2TiO4 (no structure, an amorphous hump); 1150 °C for 6 h: nearly pure BaTiO3.
            List<CampaignLoop.Observation> seen = new java.util.ArrayList<>();
            var outcome = runRecipes(lab, goal, workflow, runId, 5, new StopRules(2, 0.99, 5, 0.01),
                    List.of(new double[] {1000, 3}, new double[] {1150, 6}), seen);
            assertThat(outcome.experiments()).hasSize(2);
            var world = lab.simulatedWorld().orElseThrow();

            CampaignReport.Experiment weak = outcome.experiments().get(0);
            String sample = heat.sample() + "-e1";
            double made = truth(world.snapshot(sample).phaseWeightFractions(), target);
            CampaignReport.Recheck r = weak.recheck();
            assertThat(r).as("experiment 1 (%s, Rwp %s) should have been re-checked", weak.phases(), weak.rwp()).isNotNull();
            assertThat(r.verdict()).as(r.finding()).isEqualTo("approved");
            assertThat(r.workflow()).endsWith("-recheck");
            assertThat(r.ramanPhases()).as("the follow-up took a Raman spectrum").isNotEmpty();
            // A poor fit or an amorphous hump is followed by Raman alone (no count time supplies a missing phase or
            // crystallises an amorphous one); weak lines get a longer scan too.
            assertThat(r.phases() == null).as(r.reason())
                    .isEqualTo(r.reason().startsWith("poor fit") || r.reason().startsWith("a broad amorphous hump"));
            // The optimiser receives the re-checked value, and it is no higher than XRD's and nearer the hidden truth.
            assertThat(weak.targetFraction()).isEqualTo(r.usedFraction());
            assertThat(r.usedFraction()).isLessThanOrEqualTo(r.xrdFraction());
            assertThat(Math.abs(r.usedFraction() - made)).as("used %.3f, XRD %.3f, simulated %.3f: %s", r.usedFraction(), r.xrdFraction(), made, r.finding())
                    .isLessThan(Math.abs(r.xrdFraction() - made));
            assertThat(weak.notes()).anySatisfy(n -> assertThat(n).startsWith("re-check"));
            assertThat(lab.labState().sampleLocation(sample)).contains("raman-1");

            CampaignReport.Experiment clear = outcome.experiments().get(1);
            assertThat(clear.recheck()).as("experiment 2: %s", clear.notes()).isNull();
            assertThat(clear.targetFraction()).isCloseTo(truth(world.snapshot(heat.sample() + "-e2").phaseWeightFractions(), target),
                    org.assertj.core.data.Offset.offset(0.05));
            // What the loop handed the proposer for experiment 1 is the re-checked value.
            assertThat(seen).first().satisfies(o -> assertThat(o.targetFraction()).isEqualTo(r.usedFraction()));

            // The follow-up is journaled as its own run of the experiment, vetted and dispatched step by step.
            List<EngineEvent> events = journal.events(runId);
            assertThat(events).filteredOn(ev -> "e1-recheck".equals(ev.experiment()))
                    .extracting(EngineEvent::type).contains(EngineEvent.Type.RUN_STARTED, EngineEvent.Type.STEP_DISPATCHED,
                            EngineEvent.Type.MEASUREMENT, EngineEvent.Type.RUN_FINISHED);
            assertThat(events).filteredOn(ev -> "e2-recheck".equals(ev.experiment())).isEmpty();
            assertThat(Files.readString(data.resolve("audit.jsonl"))).contains(r.workflow());
            // And a restart would not take it for a lost experiment.
            var saved = CampaignJournal.read(runId, journal.events(runId));
            assertThat(saved.interrupted()).isEmpty();
            assertThat(saved.finished()).extracting(CampaignReport.Experiment::verdict).containsExactly("approved", "approved");
            assertThat(saved.finished().get(0).recheck()).isEqualTo(r);
            System.out.printf("re-check of experiment 1: %s -> used %.3f (XRD %.3f, simulated %.3f): %s%n",
                    r.reason(), r.usedFraction(), r.xrdFraction(), made, r.finding());
        }
    }

    @Test
    void anAmorphousResidueKeepsAPureLookingSampleFromStoppingTheCampaignAndACrystallineOneStopsIt() throws Exception {
        // 550 °C for 2.5 h under argon leaves unreacted oxalate and phosphate that are X-ray amorphous: XRD's crystalline
        // phases read ≥ 95 % LiFePO4 although the batch is not; 700 °C for 10 h converts it.
        String goal = "Make 1 g of LiFePO4 under argon, XRD";
        var workflow = Planners.offline().plan(goal).workflow();
        Composition target = Composition.parse(workflow.target().formula());
        String runId = "it-amorphous";
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(data));
             LabSession lab = LabSession.simulated(new LabSession.Options(1, ScaledClock.AS_FAST_AS_PRACTICAL, data,
                     PhaseLibraries.forSimulatedLab(), journal, line -> { }))) {
            Step heat = workflow.stepsOf(Action.HEAT).get(0);
            var outcome = runRecipes(lab, goal, workflow, runId, 1, new StopRules(2, 0.95, 5, 0.01),
                    List.of(new double[] {550, 2.5}, new double[] {700, 10}), new java.util.ArrayList<>());
            var world = lab.simulatedWorld().orElseThrow();

            CampaignReport.Experiment residue = outcome.experiments().get(0);
            double made = truth(world.snapshot(heat.sample() + "-e1").phaseWeightFractions(), target);
            assertThat(made).as("the simulated batch is not phase-pure").isLessThan(0.95);
            CampaignReport.Recheck r = residue.recheck();
            assertThat(r).as("experiment 1: %s", residue.notes()).isNotNull();
            // The hump is read (it may not be the first reason given: its residue can also leave weak unexplained lines).
            assertThat(residue.notes()).anySatisfy(n -> assertThat(n).contains(PhaseIdentification.AMORPHOUS_HUMP));
            assertThat(r.xrdFraction()).as("XRD alone would have stopped the campaign").isGreaterThanOrEqualTo(0.95);
            assertThat(r.usedFraction()).as(r.finding()).isLessThan(0.95);
            assertThat(Math.abs(r.usedFraction() - made)).as("used %.3f, XRD %.3f, simulated %.3f", r.usedFraction(), r.xrdFraction(), made)
                    .isLessThan(Math.abs(r.xrdFraction() - made));

            CampaignReport.Experiment converted = outcome.experiments().get(1);
            assertThat(truth(world.snapshot(heat.sample() + "-e2").phaseWeightFractions(), target)).isGreaterThan(0.95);
            assertThat(converted.recheck()).as("experiment 2: %s", converted.notes()).isNull();
            assertThat(outcome.stopReason()).isEqualTo(CampaignReport.StopReason.TARGET_REACHED);
            System.out.printf("amorphous residue: used %.3f (XRD %.3f, simulated %.3f): %s%n", r.usedFraction(), r.xrdFraction(), made, r.finding());
        }
    }

    /**
     * A campaign on the simulated lab whose experiments are fixed recipes (temperature °C, hold h) around the plan,
     * journaled as a campaign; {@code seen} receives the history the proposer was last given.
     */
    private CampaignLoop.Outcome runRecipes(LabSession lab, String goal, Workflow workflow, String runId, long seed, StopRules rules,
                                            List<double[]> recipes, List<CampaignLoop.Observation> seen) throws java.io.IOException {
        Step heat = workflow.stepsOf(Action.HEAT).get(0);
        Composition target = Composition.parse(workflow.target().formula());
        var design = ExperimentDesign.around(workflow, lab.furnaceLimitC(heat.instrument()), lab.furnaceRampLimit(heat.instrument()), false, false);
        var experimenter = new LabExperimenter(lab, workflow, design, runId, target, Files.createDirectories(data.resolve("plots")));
        CampaignLoop.Proposer proposer = history -> {
            seen.clear();
            seen.addAll(history);
            Map<String, Object> p = new LinkedHashMap<>(design.startingPoint(workflow));
            p.put(ExperimentDesign.TEMPERATURE, recipes.get(history.size())[0]);
            p.put(ExperimentDesign.HOLD, recipes.get(history.size())[1]);
            return p;
        };
        CampaignJournal record = new CampaignJournal(lab.engine(), runId);
        record.started(new CampaignRunner.Settings(goal, seed, rules, "bo", null, data, runId), workflow, false, false, design, List.of());
        return new CampaignLoop(rules).run(proposer, experimenter, record::finished);
    }

    private static double truth(Map<String, Double> phases, Composition target) {
        return phases.entrySet().stream().filter(x -> TargetFraction.isTarget(x.getKey(), target)).mapToDouble(Map.Entry::getValue).sum();
    }
}
