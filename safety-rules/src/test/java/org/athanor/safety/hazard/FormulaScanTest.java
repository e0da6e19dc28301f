package org.athanor.safety.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaScanTest {

    @Test
    void readsElementsMetalsNonMetalsAndIons() {
        FormulaScan.Scan s = FormulaScan.scan("NH4NO3");
        assertThat(s.readable()).isTrue();
        assertThat(s.ions()).containsExactlyInAnyOrder("NH4", "NO3");
        assertThat(s.metals()).isEmpty();
        assertThat(s.nonMetals()).containsExactlyInAnyOrder("N", "H", "O");
    }

    @Test
    void readsGroupsAndHydrates() {
        FormulaScan.Scan s = FormulaScan.scan("Co(NO3)2·6H2O");
        assertThat(s.hydrate()).isTrue();
        assertThat(s.ions()).containsExactly("NO3");
        assertThat(s.counts()).containsEntry("Co", 1.0).containsEntry("N", 2.0);
        assertThat(FormulaScan.scan("FeC2O4*2H2O").ions()).containsExactly("C2O4");
        assertThat(FormulaScan.key("FeC2O4*2H2O")).isEqualTo("FeC2O4·2H2O");
    }

    @Test
    void keysAFormulaAsTheRegularExpressionDefinesWhateverItsSpacing() {
        String alphabet = "BaCO3 \t\u00a0\u2003*•·()2.";
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(FormulaScan.key(text)).as("'%s'", text)
                    .isEqualTo(text.strip().replace(" ", "").replaceAll("[*•]", "·"));
        }
        String plain = "BaCO3";
        assertThat(FormulaScan.key(plain)).isSameAs(plain);
    }

    @Test
    void distinguishesSimilarIons() {
        assertThat(FormulaScan.scan("KClO4").ions()).containsExactly("ClO4");
        assertThat(FormulaScan.scan("K2Cr2O7").ions()).containsExactly("Cr2O7");
        assertThat(FormulaScan.scan("Co3O4").ions()).isEmpty();
        assertThat(FormulaScan.scan("NaHCO3").ions()).containsExactly("HCO3");
        assertThat(FormulaScan.scan("Li3N").ions()).isEmpty();
        assertThat(FormulaScan.scan("NaN3").ions()).containsExactly("N3");
    }

    @Test
    void readsDecimalSubscriptsAndElements() {
        FormulaScan.Scan s = FormulaScan.scan("La0.8Sr0.2MnO3");
        assertThat(s.counts()).containsEntry("La", 0.8).containsEntry("Sr", 0.2);
        assertThat(FormulaScan.scan("Al").elemental()).isTrue();
        assertThat(FormulaScan.scan("Al2O3").elemental()).isFalse();
    }

    @Test
    void rejectsTextThatIsNotAFormula() {
        assertThat(FormulaScan.scan("Xq2O3").readable()).isFalse();
        assertThat(FormulaScan.scan("").readable()).isFalse();
        assertThat(FormulaScan.scan("ba(co3").readable()).isFalse();
        assertThat(FormulaScan.scan("(BaCO3").readable()).isFalse();
    }

    @Test
    void theHazardTableMeetsACompoundHoweverItsFormulaIsWritten() {
        MaterialHazardTable t = MaterialHazardTable.standard();
        assertThat(t.lookup("ClH4NO4")).get().satisfies(h -> assertThat(h.formula()).isEqualTo("NH4ClO4"));
        assertThat(t.lookup("N3Na")).get().satisfies(h -> assertThat(h.decompositionOnsetC()).isEqualTo(275));
        assertThat(t.lookup("Zn(NO3)2*6H2O")).get().satisfies(h -> assertThat(h.formula()).isEqualTo("Zn(NO3)2·6H2O"));
        assertThat(t.lookup("ZnN2O6")).as("the anhydrous salt is another compound").isEmpty();
    }

    @Test
    void aCompositionKeyIgnoresOrderGroupingAndScale() {
        assertThat(FormulaScan.compositionKey("(NH4)2SO4")).isEqualTo(FormulaScan.compositionKey("H8N2O4S"))
                .isEqualTo(FormulaScan.compositionKey("H4NO2S0.5"));
        assertThat(FormulaScan.compositionKey("FePO4·2H2O")).isNotEqualTo(FormulaScan.compositionKey("FePO4"));
        assertThat(FormulaScan.compositionKey("not a formula")).isEmpty();
    }

    @Test
    void theHazardTableIsKeyedByFormulaAndComplete() {
        MaterialHazardTable t = MaterialHazardTable.standard();
        assertThat(t.lookup("NH4NO3")).get().satisfies(h -> assertThat(h.decompositionOnsetC()).isEqualTo(170));
        assertThat(t.lookup("LiOH*H2O")).isPresent();
        assertThat(t.all()).hasSizeGreaterThan(100).allSatisfy(h -> {
            assertThat(FormulaScan.scan(h.formula()).readable()).as(h.formula()).isTrue();
            assertThat(h.source()).isNotBlank();
        });
    }
}
