package org.athanor.agent.planner.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.athanor.agent.planner.chemistry.MaterialsChemistry;
import org.athanor.agent.planner.chemistry.Mention;
import org.junit.jupiter.api.Test;

class TargetAsWrittenTest {

    private final MaterialsChemistry chemistry = MaterialsChemistry.standard();

    private Mention read(String text) {
        return chemistry.read(text).orElseThrow();
    }

    @Test
    void aPlainReducedFormulaKeepsTheUsersElementOrder() {
        assertThat(read("CoAl2O4").formula()).as("the canonical order").isEqualTo("Al2CoO4");
        assertThat(GoalReader.asWritten(read("CoAl2O4"))).isEqualTo("CoAl2O4");
        assertThat(GoalReader.asWritten(read("NiFe2O4"))).isEqualTo("NiFe2O4");
        assertThat(GoalReader.asWritten(read("SrTiO3"))).isEqualTo("SrTiO3");
    }

    @Test
    void anythingElseKeepsTheCanonicalFormula() {
        assertThat(GoalReader.asWritten(read("Sr2Ti2O6"))).as("not reduced").isEqualTo("SrTiO3");
        assertThat(GoalReader.asWritten(read("ZnO·Al2O3"))).as("an oxide sum").isEqualTo("Al2ZnO4");
        Mention twice = new Mention(0, 7, "CH3COOH", "C2H4O2", Map.of("C", 2.0, "H", 4.0, "O", 2.0), "formula", null);
        assertThat(GoalReader.asWritten(twice)).as("an element written twice").isEqualTo("C2H4O2");
        Mention named = new Mention(0, 7, "gahnite", "Al2ZnO4", Map.of("Al", 2.0, "Zn", 1.0, "O", 4.0), "name", "gahnite");
        assertThat(GoalReader.asWritten(named)).as("a name").isEqualTo("Al2ZnO4");
    }
}
