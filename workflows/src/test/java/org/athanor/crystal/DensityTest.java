package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Densities from the library CIFs against handbook X-ray densities (CRC Handbook of Chemistry and Physics, 97th ed.,
 * "Physical constants of inorganic compounds" and "Density of elements"), within 0.6 %.
 */
class DensityTest {

    @ParameterizedTest(name = "{0}: {1} g/cm³")
    @CsvSource({
        "dans_diffraction/Silicon.cif, 2.329, Si",
        "dans_diffraction/NaCl.cif, 2.165, NaCl",
        "dans_diffraction/Copper.cif, 8.96, Cu",
        "dans_diffraction/Gold.cif, 19.3, Au",
        "dans_diffraction/Aluminium.cif, 2.70, Al",
        "dans_diffraction/Sapphire.cif, 3.987, Al2O3",
        "amcsd_via_mineral-lib-jekyll/Periclase.cif, 3.58, MgO",
        "amcsd_via_mineral-lib-jekyll/Rutile.cif, 4.25, TiO2",
        "ncrystal_converted/CeO2_sg225_CeriumOxide.cif, 7.215, CeO2",
        "amcsd_via_mineral-lib-jekyll/Quartz-alpha.cif, 2.648, SiO2",
        "amcsd_via_mineral-lib-jekyll/Spinel.cif, 3.58, MgAl2O4",
    })
    void densityMatchesHandbookValue(String cif, double handbook, String formula) throws Exception {
        CrystalStructure s = CifReader.read(Path.of(getClass().getResource("/org/athanor/crystal/library/" + cif).toURI()))
                .get(0);

        assertThat(s.density()).isCloseTo(handbook, within(0.006 * handbook));
        assertThat(s.reducedFormula()).isEqualTo(formula);
    }
}
