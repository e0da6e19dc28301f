package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.athanor.agent.lab.PhaseLibraries;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.instruments.analysis.xrd.PhaseIdentification;
import org.athanor.materials.Composition;
import org.athanor.simulators.xrd.PhaseLibrary;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

/**
 * An experiment a crash interrupted keeps its result when the journal holds it: the analyze step's outputs, or the
 * XRD pattern itself, which is analysed again (with the real phase identifier on a pattern computed from the
 * simulated lab's crystal structures). Without either it is lost.
 */
class JournaledResultTest {

    private static final Composition TARGET = Composition.parse("BaTiO3");
    private static final Map<String, Object> PARAMETERS = Map.of("temperatureC", 1150.0, "holdH", 4.0);
    private final List<EngineEvent> events = new ArrayList<>();

    private void add(Type type, String step, Map<String, Object> data) {
        add("e2", type, step, data);
    }

    private void add(String experiment, Type type, String step, Map<String, Object> data) {
        events.add(new EngineEvent("ev" + events.size(), type, Instant.EPOCH.plusSeconds(events.size()), "run-1", experiment, step, null, data));
    }

    private static Workflow workflow() {
        var heat = new Step("S1-heat", Action.HEAT, "box-furnace-1", "S1", null, Map.of(
                "profile", List.of(HeatSegment.celsius(1150, 5, 4)), "atmosphere", Atmosphere.AIR, "crucible", "alumina"));
        var xrd = new Step("S1-xrd", Action.XRD, "xrd-1", "S1", List.of("S1-heat"), Map.of(
                "twoThetaStart", Map.of("value", 10.0, "unit", "deg"), "twoThetaEnd", Map.of("value", 80.0, "unit", "deg")));
        var analyze = new Step("S1-analyze", Action.ANALYZE, null, "S1", List.of("S1-xrd"), Map.of("target", "BaTiO3"));
        return new Workflow("e2", "make BaTiO3", new Target("BaTiO3", null, null, null), null, List.of(heat, xrd, analyze));
    }

    private void startedAndHeated() {
        add(Type.RUN_STARTED, null, Map.of("workflow", WorkflowJson.write(workflow())));
        add(Type.STEP_COMPLETED, "S1-heat", Map.of("attempt", 1));
    }

    /** A pattern of 85 wt % BaTiO3 and 15 wt % TiO2 (rutile) from the simulated lab's structures, on a flat background. */
    private static Map<String, Object> measuredPattern() {
        double[] x = IntStream.rangeClosed(0, 3500).mapToDouble(i -> 10 + 0.02 * i).toArray();
        double[] y = PhaseLibrary.load().calculator().intensities(Map.of("BaTiO3", 0.85, "TiO2", 0.15),
                Map.of("BaTiO3", 200.0, "TiO2", 200.0), x);
        double[] counts = Arrays.stream(y).map(v -> 5000 * v + 60).toArray();
        return Map.of("kind", "xrd", "sample", "S1", "radiation", "CuKa",
                "twoTheta", Arrays.stream(x).boxed().toList(), "intensity", Arrays.stream(counts).boxed().toList());
    }

    @Test
    void anAnalysisInTheJournalIsTakenAsItWas() {
        startedAndHeated();
        add(Type.MEASUREMENT, "S1-xrd", measuredPattern());
        add(Type.STEP_COMPLETED, "S1-xrd", Map.of("attempt", 1));
        add(Type.STEP_COMPLETED, "S1-analyze", Map.of("attempt", 1, "rwp", 11.0, "notes", List.of("fine"),
                "phases", List.of(Map.of("id", "BaTiO3_tetragonal", "formula", "BaTiO3", "weightFraction", 0.97, "confidence", 0.9),
                        Map.of("id", "TiO2_rutile", "formula", "TiO2", "weightFraction", 0.03, "confidence", 0.6))));

        var e = JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab()).orElseThrow();
        assertThat(e.verdict()).isEqualTo("approved");
        assertThat(e.parameters()).isEqualTo(PARAMETERS);
        assertThat(e.targetFraction()).isEqualTo(0.97);
        assertThat(e.rwp()).isEqualTo(11.0);
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("the analysis had run"))
                .noneSatisfy(n -> assertThat(n).contains("re-check"));
    }

    @Test
    void aResultThatWouldHaveBeenReCheckedCountsAsOneWhoseReCheckCouldNotRun() {
        // The target identified with confidence 0.3: an uninterrupted campaign would re-check it; here the sample is
        // gone, so it counts as an unresolved re-check: an unsupported target gives 0, not XRD's 60 %.
        startedAndHeated();
        add(Type.STEP_COMPLETED, "S1-analyze", Map.of("attempt", 1, "rwp", 14.0, "notes", List.of(),
                "phases", List.of(Map.of("id", "BaTiO3_tetragonal", "formula", "BaTiO3", "weightFraction", 0.6, "confidence", 0.3),
                        Map.of("id", "BaCO3_witherite", "formula", "BaCO3", "weightFraction", 0.4, "confidence", 0.9))));

        var e = JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab()).orElseThrow();
        assertThat(e.targetFraction()).isZero();
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("re-check").contains("not possible"));
    }

    @Test
    void aReCheckThatFinishedBeforeTheStopCountsAsItWould() {
        // As above, but the follow-up (a longer scan and a Raman spectrum) ran to its end before the process stopped:
        // its analysis is in the journal, and the experiment gets what an uninterrupted campaign would have given it.
        startedAndHeated();
        List<Map<String, Object>> weak = List.of(Map.of("id", "BaTiO3_tetragonal", "formula", "BaTiO3", "weightFraction", 0.6, "confidence", 0.3),
                Map.of("id", "BaCO3_witherite", "formula", "BaCO3", "weightFraction", 0.4, "confidence", 0.9));
        add(Type.STEP_COMPLETED, "S1-analyze", Map.of("attempt", 1, "rwp", 14.0, "notes", List.of(), "phases", weak));
        var rescan = new Step("S1-e2-recheck-xrd", Action.XRD, "xrd-1", "S1", null, Map.of(
                "twoThetaStart", Map.of("value", 10.0, "unit", "deg"), "twoThetaEnd", Map.of("value", 80.0, "unit", "deg")));
        var analyze = new Step("S1-e2-recheck-analyze", Action.ANALYZE, null, "S1", List.of("S1-e2-recheck-xrd"), Map.of("target", "BaTiO3"));
        var followUp = new Workflow("e2-recheck", "re-check", new Target("BaTiO3", null, null, null), null, List.of(rescan, analyze));
        add("e2-recheck", Type.RUN_STARTED, null, Map.of("workflow", WorkflowJson.write(followUp)));
        add("e2-recheck", Type.STEP_COMPLETED, "S1-e2-recheck-analyze", Map.of("attempt", 1, "rwp", 9.0, "notes", List.of(),
                "phases", List.of(Map.of("id", "BaTiO3_tetragonal", "formula", "BaTiO3", "weightFraction", 0.58, "confidence", 0.95),
                        Map.of("id", "BaCO3_witherite", "formula", "BaCO3", "weightFraction", 0.42, "confidence", 0.9))));
        add("e2-recheck", Type.RUN_FINISHED, null, Map.of("status", "completed", "reason", "every step finished"));

        var e = JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab()).orElseThrow();
        assertThat(e.recheck()).as("the journaled re-check").isNotNull();
        assertThat(e.recheck().phases()).extracting(CampaignReport.Phase::weightFraction).containsExactly(0.58, 0.42);
        assertThat(e.targetFraction()).as("the confident rescan's reading, not the 0 of a re-check that could not run")
                .isEqualTo(e.recheck().usedFraction()).isGreaterThan(0.5);
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("the re-check had finished before the process stopped"))
                .noneSatisfy(n -> assertThat(n).contains("not possible"));
    }

    @Test
    void aReCheckStillRunningAtTheStopCountsAsOneThatCouldNotRun() {
        startedAndHeated();
        add(Type.STEP_COMPLETED, "S1-analyze", Map.of("attempt", 1, "rwp", 14.0, "notes", List.of(),
                "phases", List.of(Map.of("id", "BaTiO3_tetragonal", "formula", "BaTiO3", "weightFraction", 0.6, "confidence", 0.3))));
        var analyze = new Step("S1-e2-recheck-analyze", Action.ANALYZE, null, "S1", null, Map.of("target", "BaTiO3"));
        add("e2-recheck", Type.RUN_STARTED, null, Map.of("workflow", WorkflowJson.write(
                new Workflow("e2-recheck", "re-check", new Target("BaTiO3", null, null, null), null, List.of(analyze)))));

        var e = JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab()).orElseThrow();
        assertThat(e.recheck()).isNull();
        assertThat(e.targetFraction()).isZero();
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("not possible"));
    }

    @Test
    void aJournaledPatternIsAnalysedAgain() {
        startedAndHeated();
        add(Type.MEASUREMENT, "S1-xrd", measuredPattern());

        var e = JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab()).orElseThrow();
        assertThat(e.targetFraction()).isCloseTo(0.85, offset(0.08));
        assertThat(e.phases()).extracting(CampaignReport.Phase::formula).contains("BaTiO3", "TiO2");
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("analysed from the journal"));
    }

    /**
     * The same mixture as the simulated diffractometer counts it for 1 s a point (strongest line about 5000 counts on
     * xrd-1's air scatter, WORLD.md), plus a broad hump at 30° holding {@code hump} of the scattering.
     */
    private static Map<String, Object> countedPattern(double hump) {
        double[] x = IntStream.rangeClosed(0, 3500).mapToDouble(i -> 10 + 0.02 * i).toArray();
        double[] y = PhaseLibrary.load().calculator().intensities(Map.of("BaTiO3", 0.85, "TiO2", 0.15),
                Map.of("BaTiO3", 200.0, "TiO2", 200.0), x);
        double max = Arrays.stream(y).max().orElseThrow();
        double bragg = Arrays.stream(y).map(v -> 5000 * v / max).sum();
        double shape = Arrays.stream(x).map(t -> Math.exp(-0.5 * Math.pow((t - 30) / 5, 2))).sum();
        double amplitude = hump / (1 - hump) * bragg / shape;
        double[] counts = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            counts[i] = 5000 * y[i] / max + 40 + 160 * Math.exp(-x[i] / 12) + amplitude * Math.exp(-0.5 * Math.pow((x[i] - 30) / 5, 2));
        }
        return Map.of("kind", "xrd", "sample", "S1", "radiation", "CuKa", "countTime", "1.0",
                "twoTheta", Arrays.stream(x).boxed().toList(), "intensity", Arrays.stream(counts).boxed().toList());
    }

    @Test
    void aJournaledPatternsAmorphousHumpIsReadAgainAndCapsTheFraction() {
        startedAndHeated();
        add(Type.MEASUREMENT, "S1-xrd", countedPattern(0.2));

        var e = JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab()).orElseThrow();
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains(PhaseIdentification.AMORPHOUS_HUMP));
        assertThat(e.targetFraction()).isLessThan(0.85 * 0.9);
    }

    @Test
    void aCrystallineJournaledPatternOnTheInstrumentsOwnBackgroundShowsNoHump() {
        startedAndHeated();
        add(Type.MEASUREMENT, "S1-xrd", countedPattern(0));

        var e = JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab()).orElseThrow();
        assertThat(e.notes()).noneSatisfy(n -> assertThat(n).contains(PhaseIdentification.AMORPHOUS_HUMP));
        assertThat(e.targetFraction()).isCloseTo(0.85, offset(0.08));
    }

    @Test
    void withoutAPatternTheExperimentStaysLost() {
        startedAndHeated();
        assertThat(JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab())).isEmpty();
        events.clear();
        assertThat(JournaledResult.of(events, "e2", 2, PARAMETERS, TARGET, PhaseLibraries.forSimulatedLab())).isEmpty();
    }
}
