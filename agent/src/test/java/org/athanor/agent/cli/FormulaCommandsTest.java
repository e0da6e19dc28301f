package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The formula and stoich commands run as plain picocli commands, without Quarkus. */
class FormulaCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void normalizePrintsOneJsonLinePerInputInOrder() throws Exception {
        Run r = run(new FormulaNormalizeCommand(), "--json", "Na2O·Al2O3·2SiO2", "lime", "C3S");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode nepheline = JSON.readTree(lines[0]);
        assertThat(nepheline.get("input").asText()).isEqualTo("Na2O·Al2O3·2SiO2");
        assertThat(nepheline.get("formula").asText()).isEqualTo("NaAlSiO4");
        assertThat(nepheline.get("composition").get("Na").asInt()).isEqualTo(1);
        assertThat(nepheline.get("composition").get("O").asInt()).isEqualTo(4);
        assertThat(nepheline.get("notation").asText()).isEqualTo("oxide");
        assertThat(nepheline.has("alternatives")).isFalse();
        JsonNode lime = JSON.readTree(lines[1]);
        assertThat(lime.get("formula").asText()).isEqualTo("CaO");
        assertThat(lime.get("alternatives")).hasSize(2);
        assertThat(JSON.readTree(lines[2]).get("notation").asText()).isEqualTo("cement");
    }

    @Test
    void normalizeReportsABadInputAsAnErrorLineAndExitsTwo() throws Exception {
        Run r = run(new FormulaNormalizeCommand(), "--json", "BaTiO3", "BaXxO3");
        assertThat(r.exit()).isEqualTo(2);
        String[] lines = r.out().strip().split("\n");
        JsonNode bad = JSON.readTree(lines[1]);
        assertThat(bad.get("input").asText()).isEqualTo("BaXxO3");
        assertThat(bad.get("error").asText()).contains("'Xx'");
        assertThat(bad.get("position").asInt()).isEqualTo(3);
    }

    @Test
    void normalizeInTextModePointsAtTheCharacterWithoutAStackTrace() {
        Run r = run(new FormulaNormalizeCommand(), "Ca3(PO4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("never closed").contains("Ca3(PO4\n     ^").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void forcedCementNotationAndAnUnknownNotation() {
        Run cement = run(new FormulaNormalizeCommand(), "--notation", "cement", "CS");
        assertThat(cement.exit()).isZero();
        assertThat(cement.out()).contains("CaSiO3");
        Run bad = run(new FormulaNormalizeCommand(), "--notation", "klingon", "CS");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("klingon");
    }

    @Test
    void stoichBalancesAndWeighsBariumTitanate() throws Exception {
        Run r = run(new StoichCommand(), "--target", "BaTiO3", "--mass", "2g", "--precursors", "BaCO3,TiO2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("reaction").asText()).isEqualTo("BaCO3 + TiO2 → BaTiO3 + CO2");
        double moles = 2.0 / 233.191;
        assertThat(j.get("precursors").get(0).get("grams").asDouble()).isCloseTo(moles * 197.335, within(1e-6));
        assertThat(j.get("precursors").get(1).get("grams").asDouble()).isCloseTo(moles * 79.865, within(1e-6));
        assertThat(j.get("byproducts").get(0).get("formula").asText()).isEqualTo("CO2");
    }

    @Test
    void stoichChoosesPrecursorsAndAppliesAnExcess() throws Exception {
        Run r = run(new StoichCommand(), "--target", "LLZO", "--mass", "500 mg", "--excess", "Li=10%", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("precursors").get(0).get("formula").asText()).isEqualTo("Li2CO3");
        double moles = 0.5 / j.get("molar_mass_g_per_mol").asDouble();
        assertThat(j.get("precursors").get(0).get("moles").asDouble()).isCloseTo(3.5 * moles * 1.1, within(1e-9));
        Run text = run(new StoichCommand(), "--target", "barium titanate", "--mass", "2 g");
        assertThat(text.out()).contains("BaCO3 + TiO2 → BaTiO3 + CO2").contains("releases CO2").doesNotContain("the excess adds");
        Run withExcess = run(new StoichCommand(), "--target", "BaTiO3", "--mass", "2 g", "--excess", "Ba=5%");
        assertThat(withExcess.out()).contains("excess included: Ba +5 %")
                .containsPattern("releases CO2 +0\\.3775 g  \\(by the balanced reaction; the excess adds its own\\)");
    }

    @Test
    void stoichExplainsBadInputAndExitsTwo() {
        Run missing = run(new StoichCommand(), "--target", "BaTiO3", "--mass", "2g", "--precursors", "BaCO3");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no precursor supplies Ti").doesNotContain("\tat ");
        Run badMass = run(new StoichCommand(), "--target", "BaTiO3", "--mass", "2 furlongs");
        assertThat(badMass.exit()).isEqualTo(2);
        assertThat(badMass.err()).contains("furlongs");
        Run notMass = run(new StoichCommand(), "--target", "BaTiO3", "--mass", "2 K");
        assertThat(notMass.err()).contains("expected a mass");
        Run badTarget = run(new StoichCommand(), "--target", "BaQ3", "--mass", "2 g");
        assertThat(badTarget.err()).contains("'Q'").contains("BaQ3\n    ^");
        Run badExcess = run(new StoichCommand(), "--target", "LiCoO2", "--mass", "2 g", "--excess", "Li=lots");
        assertThat(badExcess.err()).contains("lots");
        assertThat(StoichCommand.splitNames("iron(II,III) oxide, Li2CO3")).containsExactly("iron(II,III) oxide", "Li2CO3");
    }
}
