package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextScannerTest {

    private static List<String> formulas(String text) {
        return NotationNormalizer.findInText(text).stream().map(m -> m.normalized().formula()).toList();
    }

    private static List<String> spans(String text) {
        return NotationNormalizer.findInText(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void findsACementPhaseAndItsNameInBrackets() {
        String s = "Make belite (C2S) for a cement study, no hotter than 1400 °C, XRD to check.";
        assertThat(spans(s)).containsExactly("belite", "C2S");
        assertThat(formulas(s)).containsExactly("Ca2SiO4", "Ca2SiO4");
    }

    @Test
    void findsBothTheStartingMaterialAndTheProduct() {
        String s = "Calcine limestone to quicklime (CaO) at 1000 °C for 4 h.";
        assertThat(formulas(s)).containsExactly("CaCO3", "CaO", "CaO");
    }

    @Test
    void findsSystematicNamesElementsAndCommonNames() {
        assertThat(formulas("Mix potassium nitrate, sulfur and charcoal and heat to 400 °C."))
                .containsExactly("KNO3", "S", "C");
        assertThat(formulas("Reduce CuO to copper in pure hydrogen at 500 °C.")).containsExactly("CuO", "Cu", "H2");
        assertThat(formulas("Dissolve iron(III) nitrate nonahydrate and citric acid in water"))
                .containsExactly(Formula.parse("Fe(NO3)3·9H2O").formula(), "C6H8O7");
        assertThat(formulas("Add urea")).containsExactly("CH4N2O");
    }

    @Test
    void aStructureTypeBesideAFormulaDescribesItAndIsNotASecondCompound() {
        assertThat(formulas("Produce 3 g of LiMn2O4 spinel in air at 800 °C for 10 h, then XRD and Raman."))
                .containsExactly("LiMn2O4");
        assertThat(formulas("Prepare CaTiO3 perovskite, keep the furnace below 1573 K, XRD.")).containsExactly("CaTiO3");
        assertThat(formulas("Sinter a spinel pellet at 1500 °C")).containsExactly("MgAl2O4");
    }

    @Test
    void aFormulaThatSpellsAWordIsReadAsTheFormula() {
        assertThat(formulas("Coat TiN on PtO foil, then make 1 g of tin oxide.")).containsExactly("TiN", "PtO", "SnO2");
    }

    @Test
    void ordinaryWordsAndInstrumentAbbreviationsAreNotFormulas() {
        String s = "In a glovebox I weighed As received powder. No heating. He said Be careful At 25 °C; "
                + "XRD, SEM, ICP-OES, UV-vis, TGA, DSC, SPS, HIP, NMR and BET show C is fine, Co-precipitate, Ni-rich, pH 7.";
        assertThat(NotationNormalizer.findInText(s)).isEmpty();
    }

    @Test
    void unitsAfterNumbersAreNotFormulas() {
        assertThat(NotationNormalizer.findInText("Heat at 1573 K and 5 K/min for 2 h, 2 g, 10 mL/min, 532 nm")).isEmpty();
    }

    @Test
    void findsGasesAbbreviationsAndOxideSums() {
        assertThat(formulas("Anneal LLZO under Ar with 5% H2")).containsExactly("Li7La3Zr2O12", "Ar", "H2");
        assertThat(formulas("Prepare 1 g of anorthite CaO·Al2O3·2SiO2 and record an XRD pattern."))
                .containsExactly("CaAl2Si2O8", "CaAl2Si2O8");
        assertThat(formulas("Ball-mill 75Li2S-25P2S5 glass")).containsExactly("Li3PS4");
        assertThat(formulas("Coat NMC811 with Al2O3, then compare with lco")).containsExactly("LiMn0.1Co0.1Ni0.8O2", "Al2O3");
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String s = "Grow ZnO (wurtzite) from zinc acetate dihydrate.";
        List<TextMatch> found = NotationNormalizer.findInText(s);
        assertThat(found).extracting(TextMatch::text).containsExactly("ZnO", "wurtzite", "zinc acetate dihydrate");
        for (TextMatch m : found) {
            assertThat(s.substring(m.start(), m.end())).isEqualTo(m.text());
        }
    }

    @Test
    void cementPhasesInProse() {
        assertThat(formulas("Hydrate C3S to C-S-H and portlandite over 28 days"))
                .containsExactly("Ca3SiO5", NotationNormalizer.normalize("C-S-H").formula(), Formula.parse("Ca(OH)2").formula());
    }

    @Test
    void aHyphenatedDescriptorDoesNotHideTheFormula() {
        assertThat(spans("Spray TiO2-coated LiFePO4-based cathodes with Al-doped ZnO")).containsExactly("TiO2", "LiFePO4", "Al", "ZnO");
    }

    /** The design-goal sentences of the project brief, with the target each names. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Synthesize 2 g of SrTiO3 from SrCO3 and TiO2, confirm by XRD, maximum 1200 °C.|SrTiO3",
            "Prepare 1 g of anorthite CaO·Al2O3·2SiO2 and record an XRD pattern.|CaAl2Si2O8",
            "Make belite (C2S) for a cement study, no hotter than 1400 °C, XRD to check.|Ca2SiO4",
            "Produce 3 g of LiMn2O4 spinel in air at 800 °C for 10 h, then XRD and Raman.|LiMn2O4",
            "Prepare CaTiO3 perovskite, keep the furnace below 1573 K, XRD.|CaTiO3",
            "Make 1 g of fayalite Fe2SiO4 under argon and check it by XRD.|Fe2SiO4",
            "Prepare 4 g of gahnite ZnAl2O4, ramp no faster than 2 °C/min, XRD.|ZnAl2O4",
            "Calcine limestone to quicklime (CaO) at 1000 °C for 4 h.|CaO",
            "Make LFP cathode powder under nitrogen, XRD and Raman.|LiFePO4",
            "Synthesize 0.5 g of Li2TiO3 below 900 °C with an XRD check.|Li2TiO3",
            "Fire 5 g of cordierite 2MgO·2Al2O3·5SiO2 at 1350 °C, then XRD.|Mg2Al4Si5O18",
            "Make tricalcium aluminate (C3A) and ye'elimite (C4A3S̅) clinker minerals.|Ca3Al2O6",
            "Synthesise 2 g of BTO by the mixed-oxide route.|BaTiO3",
            "Prepare strontium zirconate from its carbonate and zirconia at 1400 °C.|SrZrO3",
            "Sinter 8YSZ pellets at 1450 °C for 2 h.|Zr0.852Y0.148O1.926"})
    void findsTheTargetOfEachGoalSentence(String goal, String target) {
        assertThat(NotationNormalizer.findInText(goal)).extracting(m -> m.normalized().composition())
                .anyMatch(c -> c.sameRatiosAs(Formula.parse(target)));
    }

    @Test
    void anXRaySourceIsNotAMaterial() {
        assertThat(formulas("Measure the BaTiO3 pellet with Cu Kα radiation and a Mo K-alpha check")).containsExactly("BaTiO3");
    }
}
