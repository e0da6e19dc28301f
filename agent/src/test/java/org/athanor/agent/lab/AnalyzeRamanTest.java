package org.athanor.agent.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.athanor.clock.LabClock;
import org.athanor.engine.StepContext;
import org.athanor.instruments.analysis.raman.RamanAnalyzer;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.simulators.raman.RamanModes;
import org.athanor.simulators.raman.RamanSimulator;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** The analyse step's Raman matching, against the phases the sample's workflows say it can hold. */
class AnalyzeRamanTest {

    private static final PhaseIdentifier XRD = PhaseLibraries.forSimulatedLab();
    /** What the BaTiO3 route leaves at 1000 °C in the simulated lab: target, unreacted rutile, Ba2TiO4. */
    private static final Map<String, Double> PART_REACTED = Map.of("BaTiO3", 0.5, "TiO2", 0.3, "Ba2TiO4", 0.2);

    private final MeasurementStore store = new MeasurementStore();
    private final CharacterisationHandlers.Analyze analyze =
            new CharacterisationHandlers.Analyze(XRD, RamanAnalyzer.withShippedReferences(), store);

    @Test
    void aBaTiO3ReCheckGivesItsBandAt518ToBaTiO3AndReportsNoSilicon() throws Exception {
        Map<String, Object> out = analyze(recheck("BaTiO3"), simulatedSpectrum(PART_REACTED));

        assertThat(formulas(out)).contains("BaTiO3", "TiO2").doesNotContain("Si");
        assertThat(bandsNear518(out)).singleElement().satisfies(b -> assertThat(b.get("formulas")).isEqualTo(List.of("BaTiO3")));
    }

    @Test
    void aMostlyUnreactedSampleWhoseBaTiO3IsTooWeakToMatchShowsTiO2AloneNotSiliconAndTiO2() throws Exception {
        // Unrestricted, this spectrum read "Si, TiO2", and the re-check said "Raman contradicts XRD: bands of Si, TiO2".
        Map<String, Object> out = analyze(recheck("BaTiO3"), simulatedSpectrum(Map.of("BaTiO3", 0.1, "TiO2", 0.6, "Ba2TiO4", 0.3)));

        assertThat(formulas(out)).containsExactly("TiO2");
    }

    @Test
    void theSameBandIsAlsoSiliconsWhenTheSampleWasMadeWithASiliconPrecursor() throws Exception {
        Map<String, Object> out = analyze(experiment("BaTiO3", "BaCO3", "TiO2", "SiO2"), simulatedSpectrum(PART_REACTED));

        assertThat(formulas(out)).contains("Si", "BaTiO3");
    }

    private Map<String, Object> analyze(Workflow w, RamanSpectrum spectrum) throws Exception {
        Step step = w.stepsOf(Action.ANALYZE).get(0);
        store.putSpectrum(w.id(), step.sample(), spectrum);
        return analyze.execute(new StepContext("run", "e1", w, step, 1, "c1", List.of(step), LabClock.system(), true)).outputs();
    }

    /** Dispense, measure Raman, analyse (the furnace steps between do not matter to the analysis). */
    private static Workflow experiment(String target, String... precursors) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < precursors.length; i++) {
            steps.add(new Step("S1-dispense-" + (i + 1), Action.DISPENSE, "dispenser-1", "S1", List.of(),
                    Map.of("material", precursors[i], "mass", Map.of("value", 1.0, "unit", "g"))));
        }
        steps.add(new Step("S1-raman", Action.RAMAN, "raman-1", "S1", null, Map.of()));
        steps.add(new Step("S1-analyze", Action.ANALYZE, null, "S1", null, Map.of("target", target)));
        return new Workflow("run-e1", "make " + target, new Target(target, null, null, null), null, steps);
    }

    /** As the campaign builds a follow-up: the same target, the held sample measured again, nothing dispensed. */
    private static Workflow recheck(String target) {
        return new Workflow("run-e1-recheck", "re-check of S1", new Target(target, null, null, null), null, List.of(
                new Step("S1-recheck-raman", Action.RAMAN, "raman-1", "S1", List.of(), Map.of()),
                new Step("S1-recheck-analyze", Action.ANALYZE, null, "S1", null, Map.of("target", target))));
    }

    /** What raman-1 measures: the simulated lab's spectrum at the re-check's settings (785 nm, 20 mW, 30 s, 100–1200 cm⁻¹). */
    private static RamanSpectrum simulatedSpectrum(Map<String, Double> phases) {
        double[] shift = new double[1101];
        for (int i = 0; i < shift.length; i++) {
            shift[i] = 100 + i;
        }
        return new RamanSpectrum(shift, new RamanSimulator(RamanModes.load()).spectrum(phases, shift, 785, 20, 30, new Random(7)), Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> formulas(Map<String, Object> out) {
        return ((List<Map<String, Object>>) out.get("ramanPhases")).stream().map(m -> (String) m.get("formula")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bandsNear518(Map<String, Object> out) {
        return ((List<Map<String, Object>>) out.get("ramanBands")).stream()
                .filter(b -> Math.abs(((Number) b.get("shift")).doubleValue() - 518) < 6).toList();
    }
}
