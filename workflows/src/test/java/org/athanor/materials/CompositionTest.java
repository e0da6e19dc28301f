package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionTest {

    @Test
    void molarMassOfBariumTitanateIsTheSumOfItsStandardWeights() {
        // 137.327 + 47.867 + 3 × 15.999 by hand
        assertThat(Formula.parse("BaTiO3").molarMass()).isCloseTo(233.191, within(1e-9));
    }

    @Test
    void reducedFormulaDividesByTheGreatestCommonDivisor() {
        assertThat(Composition.of(Map.of("Ba", 2, "Ti", 2, "O", 6)).reducedFormula()).isEqualTo("BaTiO3");
        assertThat(Formula.parse("Li150P50S200").reducedFormula()).isEqualTo("Li3PS4");
        assertThat(Formula.parse("Fe3O4").reducedFormula()).isEqualTo("Fe3O4");
    }

    @Test
    void decimalAmountsAreNotReduced() {
        assertThat(Formula.parse("La0.5Sr0.5MnO3").reducedFormula()).isEqualTo("Sr0.5La0.5MnO3");
    }

    @Test
    void cationsComeFirstByElectronegativityThenTheAnionFormers() {
        assertThat(Formula.parse("PO4FeLi").formula()).isEqualTo("LiFePO4");
        assertThat(Formula.parse("O3TiBa").formula()).isEqualTo("BaTiO3");
        assertThat(Formula.parse("CO3Ca").formula()).isEqualTo("CaCO3");
        assertThat(Formula.parse("Zr2La3Li7O12").formula()).isEqualTo("Li7La3Zr2O12");
        assertThat(Formula.parse("SiO4Ca2").formula()).isEqualTo("Ca2SiO4");
        assertThat(Formula.parse("H8O7C6").formula()).isEqualTo("C6H8O7");
    }

    @Test
    void arithmeticKeepsTheCompositionImmutable() {
        Composition bao = Formula.parse("BaO");
        Composition tio2 = Formula.parse("TiO2");
        Composition sum = bao.plus(tio2);
        assertThat(sum).isEqualTo(Formula.parse("BaTiO3"));
        assertThat(bao).isEqualTo(Formula.parse("BaO"));
        assertThat(sum.times(2).amount("O")).isEqualTo(6);
        assertThat(sum.minus(tio2)).isEqualTo(bao);
        assertThatThrownBy(() -> bao.minus(tio2)).hasMessageContaining("Ti");
    }

    @Test
    void normalizedAmountsSumToOne() {
        Composition n = Formula.parse("BaTiO3").normalized();
        assertThat(n.atomCount()).isCloseTo(1.0, within(1e-9));
        assertThat(n.amount("O")).isCloseTo(0.6, within(1e-9));
        assertThat(n.sameRatiosAs(Formula.parse("Ba2Ti2O6"))).isTrue();
    }

    @Test
    void sumsOfDecimalsCompareEqual() {
        Composition a = Formula.parse("Li0.1").plus(Formula.parse("Li0.2"));
        assertThat(a).isEqualTo(Formula.parse("Li0.3"));
    }

    @Test
    void massFractionOfOxygenInAluminaMatchesAHandCalculation() {
        double expected = 3 * 15.999 / (2 * 26.9815384 + 3 * 15.999);
        assertThat(Formula.parse("Al2O3").massFraction("O")).isCloseTo(expected, within(1e-12));
        assertThat(Formula.parse("Al2O3").massFraction("Fe")).isZero();
    }

    @Test
    void rejectsUnknownElementsAndNegativeAmounts() {
        assertThatThrownBy(() -> Composition.of(Map.of("Qq", 1))).hasMessageContaining("Qq");
        assertThatThrownBy(() -> Composition.of(Map.of("O", -1))).hasMessageContaining("non-negative");
    }

    @Test
    void wholeNumberMultiplierFindsTheSmallestScale() {
        assertThat(Formula.parse("Li1.5P0.5S2").wholeNumberMultiplier(100)).isEqualTo(2);
        assertThat(Formula.parse("Ca1.7SiO3.7").wholeNumberMultiplier(100)).isEqualTo(10);
        assertThat(Formula.parse("BaTiO3").wholeNumberMultiplier(100)).isEqualTo(1);
    }

    @Test
    void aDecimalAmountThatWouldReadAsACompoundSeparatorIsBracketed() {
        // Printed plainly, "H4S1.12NO2" reads as H4S·12NO2, the dot of Al2O3.2SiO2 (found by FormulaRoundTripTest).
        Composition c = Composition.of(Map.of("H", 4, "S", 1.12, "N", 1, "O", 2));
        Composition ordered = Formula.parse("H4S1").plus(Composition.of(Map.of("S", 0.12))).plus(Formula.parse("NO2"));

        assertThat(ordered.formula()).isEqualTo("H4(S)1.12NO2");
        assertThat(Formula.parse(ordered.formula())).isEqualTo(ordered);
        assertThat(Formula.parse(c.formula()).approximatelyEquals(c, 1e-9)).isTrue();
    }

    @Test
    void decimalAmountsThatReadBackArePrintedPlainly() {
        for (String written : new String[] {"LiNi0.8Co0.15Al0.05O2", "Ca1.7SiH3.6O3.7", "La0.6Sr0.4CoO2.9"}) {
            Composition c = Formula.parse(written);
            assertThat(c.formula()).doesNotContain("(");
            assertThat(Formula.parse(c.formula())).isEqualTo(c);
        }
    }
}
