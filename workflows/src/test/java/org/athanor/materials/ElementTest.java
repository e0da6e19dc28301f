package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementTest {

    @Test
    void hasAllHundredAndEighteenElementsInOrderOfAtomicNumber() {
        assertThat(Element.values()).hasSize(118);
        for (int i = 0; i < Element.values().length; i++) {
            assertThat(Element.values()[i].atomicNumber()).isEqualTo(i + 1);
        }
        assertThat(Element.Og.atomicNumber()).isEqualTo(118);
    }

    /** Values typed from the CIAAW 2021 table (Prohaska et al., Pure Appl. Chem. 94 (2022) 573), conventional values for intervals. */
    @ParameterizedTest
    @CsvSource({"H,1.008", "Li,6.94", "C,12.011", "N,14.007", "O,15.999", "Na,22.98976928", "Mg,24.305", "Al,26.9815384",
            "Si,28.085", "S,32.06", "Cl,35.45", "K,39.0983", "Ca,40.078", "Ti,47.867", "Mn,54.938043", "Fe,55.845",
            "Co,58.933194", "Ni,58.6934", "Cu,63.546", "Zn,65.38", "Sr,87.62", "Y,88.905838", "Zr,91.224", "Nb,92.90637",
            "Mo,95.95", "Ba,137.327", "La,138.90547", "Ce,140.116", "W,183.84", "Pb,207.2", "Bi,208.98040", "U,238.02891",
            "Ar,39.95", "Br,79.904", "Hf,178.486", "Lu,174.9668"})
    void carriesTheIupac2021StandardAtomicWeight(String symbol, double weight) {
        assertThat(Element.of(symbol).atomicWeight()).isCloseTo(weight, within(1e-9));
        assertThat(Element.of(symbol).hasStandardWeight()).isTrue();
    }

    @Test
    void elementsWithoutStableIsotopesAreMarkedAndCarryTheMassNumberOfTheLongestLivedIsotope() {
        assertThat(Element.Tc.hasStandardWeight()).isFalse();
        assertThat(Element.Tc.atomicWeight()).isEqualTo(97);
        assertThat(Element.Pm.atomicWeight()).isEqualTo(145);
        assertThat(Element.Th.hasStandardWeight()).isTrue();
    }

    @Test
    void symbolsAreCaseSensitiveSoCarbonMonoxideIsNotCobalt() {
        assertThat(Element.bySymbol("Co")).contains(Element.Co);
        assertThat(Element.bySymbol("CO")).isEmpty();
        assertThat(Element.bySymbol("co")).isEmpty();
        assertThatThrownBy(() -> Element.of("Xx")).hasMessageContaining("Xx");
    }

    @Test
    void namesAreFoundInIupacAndAmericanSpelling() {
        assertThat(Element.byName("Aluminium")).contains(Element.Al);
        assertThat(Element.byName("aluminum")).contains(Element.Al);
        assertThat(Element.byName("sulphur")).contains(Element.S);
        assertThat(Element.byName("cesium")).contains(Element.Cs);
        assertThat(Element.byName("unobtainium")).isEmpty();
    }
}
