package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.athanor.workflow.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Using MgCO3 instead of MgO": a material the goal rules out by name is never dosed, and what it uses instead is. */
class RuledOutMaterialTest {

    private static final OfflinePlanner PLANNER = Planners.offline();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "make 2 g MgAl2O4 using MgCO3 instead of MgO|MgO|MgCO3",
            "Prepare 2 g of MgAl2O4 with Mg(OH)2 rather than MgO, XRD|MgO|Mg(OH)2",
            "make 1 g of CaTiO3 from CaCO3 in place of CaO|CaO|CaCO3"})
    void theMaterialUsedInsteadIsAStartingMaterialAndTheOtherIsNeverDosed(String goal, String ruledOut, String used) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.understood().startingMaterials()).extracting(m -> m.formula()).containsExactly(used);
        assertThat(r.understood().unparsed()).isEmpty();
        assertThat(r.understood().excludedPrecursors()).contains(ruledOut);
        assertThat(r.workflow().stepsOf(Action.DISPENSE)).extracting(s -> s.material().orElseThrow()).contains(used).doesNotContain(ruledOut);
        assertThat(r.notes()).contains(ruledOut + " is not used, as the goal asks");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"make 2 g of MgAl2O4 but not from MgO|MgO", "Make 1 g of LiFePO4 without Fe2O3, under argon|Fe2O3",
            "make 2 g of BaTiO3, not BaO|BaO"})
    void aMaterialRuledOutWithoutAReplacementLeavesThePlannerAnother(String goal, String ruledOut) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.understood().unparsed()).isEmpty();
        assertThat(r.workflow().stepsOf(Action.DISPENSE)).extracting(s -> s.material().orElseThrow()).doesNotContain(ruledOut);
    }

    @Test
    void whenTheRuledOutMaterialIsTheOnlyOneStockedThePlanIsRefusedSayingSo() {
        PlanResult r = PLANNER.plan("make 1 g of ZnAl2O4 without ZnO");
        assertThat(r.approved()).isFalse();
        assertThat(r.reason()).startsWith("no precursor in the lab's inventory supplies Zn").contains("ZnO would, but the goal rules it out by name");
    }
}
