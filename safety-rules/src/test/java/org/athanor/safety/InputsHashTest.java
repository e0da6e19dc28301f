package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.safety.lab.InstrumentReading;
import org.athanor.safety.lab.LabState;
import org.athanor.safety.lab.LiveState;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** The inputs hash names exactly what was judged: any change to the workflow, the lab or the live state changes it. */
class InputsHashTest {

    private static final Gate GATE = Plans.gate();
    private static final LabState LAB = LabState.defaultSimulatedLab();
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    private static Workflow batio3() {
        return Plans.solidState("BaTiO3", Plans.heatAir("fire", "s1", 1150), "BaCO3", "1.69", "TiO2", "0.68");
    }

    private static String hash(Workflow w) {
        return GATE.vet(w, LAB).inputsHash();
    }

    @Test
    void theSameWorkflowBuiltTwiceHasTheSameHashWhateverTheOrderOfItsParameters() {
        Workflow w = batio3();
        Step d1 = w.steps().get(0);
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> keys = new java.util.ArrayList<>(d1.params().keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, d1.params().get(k)));
        assertThat(List.copyOf(reversed.keySet())).isNotEqualTo(List.copyOf(d1.params().keySet()));
        Step reordered = new Step(d1.id(), d1.action(), d1.instrument(), d1.sample(), d1.after(), reversed);
        assertThat(hash(batio3())).isEqualTo(hash(w)).matches("sha256:[0-9a-f]{64}");
        assertThat(hash(w.mapSteps(s -> s == d1 ? reordered : s))).isEqualTo(hash(w));
    }

    @Test
    void anyChangeToTheWorkflowChangesTheHash() {
        Workflow w = batio3();
        String h = hash(w);
        assertThat(hash(w.mapSteps(s -> s.id().equals("d1") ? s.withParam("mass", Plans.q(1.7, "g")) : s))).isNotEqualTo(h);
        assertThat(hash(w.mapSteps(s -> s.id().equals("fire") ? s.withInstrument("tube-furnace-1") : s))).isNotEqualTo(h);
        assertThat(hash(w.withSteps(List.of(w.steps().get(1), w.steps().get(0), w.steps().get(2), w.steps().get(3),
                w.steps().get(4))))).isNotEqualTo(h);
        assertThat(hash(w.withSteps(w.steps().subList(0, 4)))).isNotEqualTo(h);
        assertThat(hash(new Workflow(w.id(), "make BaTiO3 quickly", w.target(), w.constraints(), w.steps()))).isNotEqualTo(h);
        assertThat(hash(new Workflow("another-id", w.goal(), w.target(), w.constraints(), w.steps()))).isNotEqualTo(h);
        assertThat(hash(new Workflow(w.id(), w.goal(), new Target("SrTiO3", null, null, null), w.constraints(), w.steps())))
                .isNotEqualTo(h);
        assertThat(hash(w.withExtension("approvals", List.of(Map.of("material", "BaCO3", "by", "operator"))))).isNotEqualTo(h);
    }

    @Test
    void aDifferentLabChangesTheHash() {
        Workflow w = batio3();
        LabState smaller = LAB.withInventory(Set.of("BaCO3", "TiO2"));
        assertThat(GATE.vet(w, smaller).inputsHash()).isNotEqualTo(GATE.vet(w, LAB).inputsHash());
        assertThat(GATE.vet(w, LAB).inputsHash()).isEqualTo(hash(w));
    }

    @Test
    void theDispatchHashCoversTheRunTheStepAndTheLiveReadings() {
        Workflow w = batio3();
        Step fire = w.step("fire").orElseThrow();
        LiveState live = LiveState.allIdle(LAB, NOW, 22).withCrucible("s1", 25);
        String h = GATE.vetStep(w, fire, live).inputsHash();
        assertThat(GATE.vetStep(batio3(), batio3().step("fire").orElseThrow(), live).inputsHash()).isEqualTo(h);
        assertThat(GATE.vetStep(w, w.steps().get(0), live).inputsHash()).isNotEqualTo(h);
        assertThat(GATE.vetStep(new Workflow("another-run", w.goal(), w.target(), w.constraints(), w.steps()), fire, live)
                .inputsHash()).isNotEqualTo(h);
        assertThat(GATE.vetStep(w, fire, live.withCrucible("s1", 26)).inputsHash()).isNotEqualTo(h);
        assertThat(GATE.vetStep(w, fire, live.at(NOW.plusSeconds(1))).inputsHash()).isNotEqualTo(h);
        assertThat(GATE.vetStep(w, fire, live.with("box-furnace-1", InstrumentReading.idle(NOW, 23))).inputsHash())
                .isNotEqualTo(h);
        assertThat(GATE.vetStep(w, fire, new LiveState(LAB.withInventory(Set.of("TiO2")), NOW, live.instruments(),
                live.crucibleTemperaturesC())).inputsHash()).isNotEqualTo(h);
    }
}
