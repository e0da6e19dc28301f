package org.athanor.agent.planner.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.athanor.materials.Composition;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plan is the same in every process: precursors are dispensed in the order the target's formula names their
 * cations. (Compositions once lived in {@code Map.copyOf} maps, whose order changes from one JVM to the next, so the
 * same goal and seed gave a different dispense order and campaign search space in each run.)
 */
class PlanOrderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Make 2 g of phase-pure BaTiO3, confirm by XRD, stay below 1250 °C | BaTiO3",
            "Make 1 g of LiFePO4 under argon, XRD | LiFePO4",
            "Make 2 g of MgAl2O4 spinel, XRD | MgAl2O4",
            "Prepare 1 g of gahnite ZnAl2O4, XRD, maximum 1200 °C | ZnAl2O4",
            "Make 1 g of LiMn2O4 spinel, XRD | LiMn2O4",
            "Make 1 g of SrTiO3, XRD | SrTiO3",
    })
    void precursorsAreDispensedInTheFormulasCationOrder(String goal, String written) {
        PlanResult plan = Planners.offline().plan(goal);
        assertThat(plan.approved()).isTrue();
        List<String> cations = Composition.parse(written).asMap().keySet().stream().filter(e -> !e.equals("O")).toList();
        List<String> dispensed = plan.workflow().stepsOf(Action.DISPENSE).stream().map(Step::material).map(m -> m.orElseThrow())
                .map(f -> Composition.parse(f).asMap().keySet().stream().filter(cations::contains).findFirst().orElseThrow())
                .toList();
        assertThat(dispensed).isEqualTo(cations);
    }
}
