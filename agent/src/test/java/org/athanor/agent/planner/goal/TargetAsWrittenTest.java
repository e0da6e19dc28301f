package org.athanor.agent.planner.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.athanor.agent.planner.chemistry.MaterialsChemistry;
import org.athanor.agent.planner.chemistry.Mention;
import org.athanor.agent.planner.PlanReport;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.athanor.agent.planner.chemistry.Compositions;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void aFormulaWithDecimalAmountsKeepsTheUsersOrderToo() {
        // Doped and mixed-site compositions are written site by site: A-site, B-site(s), anion.
        assertThat(read("LiNi0.8Mn0.1Co0.1O2").formula()).as("the canonical order").isNotEqualTo("LiNi0.8Mn0.1Co0.1O2");
        assertThat(GoalReader.asWritten(read("LiNi0.8Mn0.1Co0.1O2"))).isEqualTo("LiNi0.8Mn0.1Co0.1O2");
        assertThat(GoalReader.asWritten(read("La0.6Sr0.4CoO3"))).isEqualTo("La0.6Sr0.4CoO3");
        assertThat(GoalReader.asWritten(read("Li1.2Mn0.54Ni0.13Co0.13O2"))).isEqualTo("Li1.2Mn0.54Ni0.13Co0.13O2");
    }

    @Test
    void anythingElseKeepsTheCanonicalFormula() {
        assertThat(GoalReader.asWritten(read("Sr2Ti2O6"))).as("not reduced").isEqualTo("SrTiO3");
        assertThat(GoalReader.asWritten(read("ZnO·Al2O3"))).as("an oxide sum").isEqualTo("Al2ZnO4");
        Mention twice = new Mention(0, 7, "CH3COOH", "C2H4O2", Map.of("C", 2.0, "H", 4.0, "O", 2.0), "formula", null);
        assertThat(GoalReader.asWritten(twice)).as("an element written twice").isEqualTo("C2H4O2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"make gahnite|ZnAl2O4|gahnite", "make 2 g of cobalt blue, XRD|CoAl2O4|cobalt blue",
            "Make 1 g of hercynite under argon, XRD|FeAl2O4|hercynite", "make 1 g of nickel ferrite|NiFe2O4|nickel ferrite",
            "make 1 g of zinc titanate at 900 °C|ZnTiO3|zinc titanate", "make 3 g of spinel, XRD and Raman|MgAl2O4|spinel",
            "Prepare CaTiO3 perovskite, XRD|CaTiO3|", "make corundum|Al2O3|corundum", "make 1 g of rutile at 1000 °C|TiO2|rutile",
            "Prepare 4 g of gahnite ZnAl2O4, XRD.|ZnAl2O4|gahnite", "make 1 g of ZnO·Al2O3|Al2ZnO4|"})
    void aNamedTargetIsPlannedAndAnalysedAsChemistsWriteIt(String goal, String written, String name) {
        PlanResult r = Planners.offline().plan(goal);
        assertThat(r.workflow()).as(r.reason()).isNotNull(); // approved, or waiting for an operator's approval (NiO)
        assertThat(r.understood().target().formula()).isEqualTo(written);
        assertThat(r.workflow().target().formula()).isEqualTo(written);
        assertThat(r.workflow().target().name()).isEqualTo(name);
        assertThat(r.workflow().stepsOf(Action.ANALYZE)).allSatisfy(s -> assertThat(s.text("target")).contains(written));
        assertThat(Compositions.sameRatios(r.workflow().target().composition(), read(written).composition())).isTrue();
        assertThat(PlanReport.readable(r)).contains("target:             " + written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"make 1 g of NaAlSiO4 (nepheline), XRD|NaAlSiO4 (nepheline)",
            "Prepare 2 g of hibonite [CaAl12O19] at 1400 °C|hibonite [CaAl12O19]", "make 1 g of SrTiO3, XRD|SrTiO3",
            "make (1 g of SrTiO3), XRD|SrTiO3"})
    void theWordsAsWrittenCloseTheBracketTheyOpen(String goal, String writtenAs) {
        PlanResult r = Planners.offline().plan(goal);
        assertThat(r.understood().target().writtenAs()).isEqualTo(writtenAs);
    }

    @Test
    void phasePurityAsksNothingTheCampaignDoesNotAlreadyDo() {
        PlanResult r = Planners.offline().plan("I need 500 mg of LaCoO3, confirm phase purity by XRD");
        assertThat(r.understood().unparsed()).isEmpty();
    }
}
