package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaTest {

    private static Map<String, Double> amounts(String formula) {
        return new TreeMap<>(Formula.parse(formula).asMap());
    }

    @Test
    void agreesWithPymatgenOnSeventyFormulas() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (var r = new BufferedReader(new InputStreamReader(
                FormulaTest.class.getResourceAsStream("formula_fixtures.csv"), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.isBlank()).forEach(l -> rows.add(l.split(";")));
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(70);
        for (String[] row : rows) {
            Composition ours = Formula.parse(row[0]);
            Map<String, Double> expected = new TreeMap<>();
            for (String pair : row[2].split(",")) {
                String[] kv = pair.split(":");
                expected.merge(kv[0], Double.parseDouble(kv[1]), Double::sum);
            }
            assertThat(new TreeMap<>(ours.asMap())).as(row[0]).isEqualTo(expected);
            double mass = Double.parseDouble(row[3]);
            assertThat(ours.molarMass()).as(row[0] + " molar mass").isCloseTo(mass, within(mass * 2e-4));
        }
    }

    @Test
    void readsNestedParenthesesAndBrackets() {
        assertThat(amounts("Ca3(PO4)2")).isEqualTo(Map.of("Ca", 3.0, "P", 2.0, "O", 8.0));
        assertThat(amounts("K3[Fe(CN)6]")).isEqualTo(Map.of("K", 3.0, "Fe", 1.0, "C", 6.0, "N", 6.0));
        assertThat(amounts("{Mg(OH)2}3")).isEqualTo(Map.of("Mg", 3.0, "O", 6.0, "H", 6.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CuSO4·5H2O|CuSO4(H2O)5", "CuSO4.5H2O|CuSO4(H2O)5", "CuSO4•5H2O|CuSO4(H2O)5", "CuSO4*5H2O|CuSO4(H2O)5",
            "MgCl2.6H2O|MgCl2(H2O)6", "CaSO4·0.5H2O|CaSO4(H2O)0.5", "Na2CO3·10H2O|Na2CO3(H2O)10",
            "FeCl3.6H2O|FeCl3(H2O)6", "CaCl2.2NH3|CaCl2(NH3)2", "Al2O3.2SiO2|Al2Si2O7", "Na2O.Al2O3.6SiO2|Na2Al2Si6O16"})
    void readsHydratesAndAdductsWithAnyDot(String written, String plain) {
        assertThat(Formula.parse(written)).isEqualTo(Formula.parse(plain));
    }

    @Test
    void aDotBetweenDigitsIsADecimalPointInSolidSolutions() {
        assertThat(Formula.parse("Li1.2Mn0.6Ni0.2O2").amount("Li")).isCloseTo(1.2, within(1e-12));
        assertThat(Formula.parse("Ba0.7Sr0.3TiO3").amount("Sr")).isCloseTo(0.3, within(1e-12));
        assertThat(Formula.parse("Ce0.9Gd0.1O1.95").amount("O")).isCloseTo(1.95, within(1e-12));
    }

    @Test
    void unicodeSubscriptsAreDigits() {
        assertThat(Formula.parse("Fe₂O₃")).isEqualTo(Formula.parse("Fe2O3"));
        assertThat(Formula.parse("Ca₁₀(PO₄)₆(OH)₂")).isEqualTo(Formula.parse("Ca10(PO4)6(OH)2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"La0.6Sr0.4CoO3-δ|La0.6Sr0.4CoO3", "YBa2Cu3O7-x|YBa2Cu3O7",
            "Fe1-xO|FeO", "UO2+x|UO2", "CeO2−δ|CeO2", "SrFeO3-d|SrFeO3", "Ba0.5Sr0.5Co0.8Fe0.2O3–δ|Ba0.5Sr0.5Co0.8Fe0.2O3",
            "Cu2-xSe|Cu2Se", "TiO2±δ|TiO2"})
    void nonstoichiometryMarksGiveTheNominalFormula(String written, String nominal) {
        assertThat(Formula.parse(written)).isEqualTo(Formula.parse(nominal));
    }

    @Test
    void oxideSumsAndMoleRatioMixturesAddTheirTerms() {
        assertThat(Formula.parse("Na2O·Al2O3·2SiO2")).isEqualTo(Formula.parse("Na2Al2Si2O8"));
        assertThat(Formula.parse("SiO2-0.5Na2O-0.5Al2O3")).isEqualTo(Formula.parse("NaAlSiO4"));
        assertThat(Formula.parse("75Li2S-25P2S5")).isEqualTo(Formula.parse("Li150P50S200"));
        assertThat(Formula.parse("2CaO + SiO2")).isEqualTo(Formula.parse("Ca2SiO4"));
        assertThat(Formula.terms("3CaO·SiO2")).containsExactly("3CaO", "SiO2");
    }

    @Test
    void forcedOxideReadingSplitsEveryDotAfterAnAmount() {
        assertThat(Formula.parseOxideSum("Al2O3.2SiO2")).isEqualTo(Formula.parse("Al2Si2O7"));
        assertThat(Formula.parseOxideSum("3Al2O3.2SiO2")).isEqualTo(Formula.parse("Al6Si2O13"));
    }

    @Test
    void pointsAtAnUnknownElement() {
        assertThatThrownBy(() -> Formula.parse("BaXxO3"))
                .isInstanceOfSatisfying(NotationException.class, e -> {
                    assertThat(e.position()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("'Xx'").contains("position 3");
                    assertThat(e.pointer()).isEqualTo("BaXxO3\n  ^");
                });
    }

    @Test
    void pointsAtAnUnclosedOrStrayParenthesis() {
        assertThatThrownBy(() -> Formula.parse("Ca3(PO4"))
                .isInstanceOfSatisfying(NotationException.class, e -> assertThat(e.position()).isEqualTo(3));
        assertThatThrownBy(() -> Formula.parse("CaO)2"))
                .isInstanceOfSatisfying(NotationException.class, e -> assertThat(e.position()).isEqualTo(3));
        assertThatThrownBy(() -> Formula.parse("Ca()"))
                .isInstanceOfSatisfying(NotationException.class, e -> assertThat(e.getMessage()).contains("empty parentheses"));
    }

    @Test
    void positionsCountTheUsersCharactersIncludingSpaces() {
        assertThatThrownBy(() -> Formula.parse("Na2O · Qz2O3"))
                .isInstanceOfSatisfying(NotationException.class, e -> assertThat(e.position()).isEqualTo(7));
    }

    @Test
    void lowerCaseSymbolsAreRejectedWithAHint() {
        assertThatThrownBy(() -> Formula.parse("batio3"))
                .isInstanceOfSatisfying(NotationException.class, e -> {
                    assertThat(e.position()).isZero();
                    assertThat(e.getMessage()).contains("capital");
                });
    }

    @Test
    void rejectsEmptyAndDanglingSeparators() {
        assertThatThrownBy(() -> Formula.parse("")).isInstanceOf(NotationException.class);
        assertThatThrownBy(() -> Formula.parse("CuSO4·")).hasMessageContaining("nothing after");
        assertThatThrownBy(() -> Formula.parse("2")).hasMessageContaining("no formula");
        assertThatThrownBy(() -> Formula.parse("0BaO")).hasMessageContaining("coefficient 0");
    }

    @org.junit.jupiter.api.Test
    void aDotFollowedByAZeroIsADecimalNotACompoundSeparator() {
        // found by the round-trip property: "LiH4.01CO2" printed from a composition with 4.01 H must read back the same
        assertThat(Formula.parse("LiH4.01CO2").amount("H")).isEqualTo(4.01);
        assertThat(Formula.parse("MgCl2.6H2O").amount("H")).isEqualTo(12.0);
    }
}
