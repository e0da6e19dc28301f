package org.athanor.agent.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.materials.Element.Ba;
import static org.athanor.materials.Element.C;
import static org.athanor.materials.Element.Cl;
import static org.athanor.materials.Element.H;
import static org.athanor.materials.Element.K;
import static org.athanor.materials.Element.N;
import static org.athanor.materials.Element.O;
import static org.athanor.materials.Element.Ti;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.athanor.materials.Element;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;
import org.junit.jupiter.api.Test;

class SampleElementsTest {

    @Test
    void aBaTiO3SampleFromCarbonateAndOxideHoldsBaTiAndWhatPrecursorsAndAirBring() {
        assertThat(SampleElements.describedBy(experiment("BaTiO3", "S1", "BaCO3", "TiO2"), "S1"))
                .containsExactlyInAnyOrder(Ba, Ti, O, C, H, N);
    }

    @Test
    void onlyThePrecursorsDispensedIntoTheSampleCount() {
        Workflow w = experiment("BaTiO3", "S1", "BaCO3", "TiO2").withSteps(new ArrayList<>(List.of(
                dispense("S1", "BaCO3", 1), dispense("S2", "KCl", 2))));

        assertThat(SampleElements.describedBy(w, "S1")).doesNotContain(K, Cl);
        assertThat(SampleElements.describedBy(w, "S2")).contains(K, Cl, Ba, Ti);
    }

    @Test
    void aReCheckThatDispensesNothingKeepsThePrecursorElementsOfTheExperimentThatMadeTheSample() {
        SampleElements session = new SampleElements();
        session.of(experiment("BaTiO3", "S1-e1", "BaCO3", "TiO2", "KCl"), "S1-e1");

        Workflow recheck = experiment("BaTiO3", "S1-e1");
        assertThat(SampleElements.describedBy(recheck, "S1-e1")).doesNotContain(K, Cl);
        assertThat(session.of(recheck, "S1-e1")).contains(K, Cl, Ba, Ti);
        assertThat(session.of(experiment("BaTiO3", "S1-e2", "BaCO3", "TiO2"), "S1-e2")).doesNotContain(K, Cl);
    }

    @Test
    void aPrecursorNamedInWordsIsReadAndAnUnreadableOneRulesNothingOut() {
        assertThat(SampleElements.describedBy(experiment("BaTiO3", "S1", "barium carbonate", "TiO2"), "S1")).contains(Ba);
        assertThat(SampleElements.describedBy(experiment("BaTiO3", "S1", "BaCO3", "house blend 7"), "S1"))
                .isEqualTo(EnumSet.allOf(Element.class));
    }

    private static Workflow experiment(String target, String sample, String... precursors) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < precursors.length; i++) {
            steps.add(dispense(sample, precursors[i], i + 1));
        }
        steps.add(new Step(sample + "-analyze", Action.ANALYZE, null, sample, null, Map.of("target", target)));
        return new Workflow("w", "make " + target, new Target(target, null, null, null), null, steps);
    }

    private static Step dispense(String sample, String material, int n) {
        return new Step(sample + "-dispense-" + n, Action.DISPENSE, "dispenser-1", sample, List.of(),
                Map.of("material", material, "mass", Map.of("value", 1.0, "unit", "g")));
    }
}
