package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotationNormalizerTest {

    private static NormalizedFormula auto(String s) {
        return NotationNormalizer.normalize(s, Notation.AUTO);
    }

    /** Expected formulas are the same material written plainly; the test compares compositions, not strings. */
    private static void reads(String input, String plain, Notation notation) {
        NormalizedFormula n = auto(input);
        assertThat(n.composition().sameRatiosAs(Formula.parse(plain))).as(input + " → " + n.formula()).isTrue();
        assertThat(n.notation()).as(input).isEqualTo(notation);
        assertThat(n.input()).isEqualTo(input);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Ca3(PO4)2|Ca3P2O8", "LiNi0.8Co0.15Al0.05O2|LiNi0.8Co0.15Al0.05O2",
            "CuSO4·5H2O|CuSO9H10", "MgCl2.6H2O|MgCl2O6H12", "Fe₂O₃|Fe2O3", "La0.6Sr0.4CoO3-δ|La0.6Sr0.4CoO3",
            "YBa2Cu3O7-x|YBa2Cu3O7", "Li3PO4|Li3PO4", "Mn3O4|Mn3O4", "(NH4)2HPO4|N2H9PO4", "Zn(CH3COO)2·2H2O|ZnC4H10O6",
            "Sr2Fe1.5Mo0.5O6-δ|Sr2Fe1.5Mo0.5O6", "Co3O4|Co3O4", "CaCO3|CaCO3", "KNO3|KNO3", "NaCl|NaCl"})
    void readsPlainFormulas(String input, String plain) {
        reads(input, plain, Notation.FORMULA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PtO|PtO", "YbCo|YbCo", "TiN|TiN", "IrO2|IrO2", "CoO|CoO", "NiO|NiO"})
    void aFormulaWrittenWithFormulaCapitalsIsNotReadAsAWord(String input, String plain) {
        reads(input, plain, Notation.FORMULA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"tin|Sn", "Tin|Sn", "cobalt|Co", "hBN|BN"})
    void wordsStillReadAsNames(String input, String plain) {
        reads(input, plain, Notation.NAME);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Na2O·Al2O3·2SiO2|NaAlSiO4", "SiO2-0.5Na2O-0.5Al2O3|NaAlSiO4",
            "75Li2S-25P2S5|Li3PS4", "CaO·Al2O3·2SiO2|CaAl2Si2O8", "3Al2O3·2SiO2|Al6Si2O13", "K2O•Al2O3•6SiO2|KAlSi3O8",
            "70Li2S-30P2S5|Li7P3S11", "0.75Li2S-0.25P2S5|Li3PS4", "2MgO·2Al2O3·5SiO2|Mg2Al4Si5O18",
            "Na2O.CaO.6SiO2|Na2CaSi6O14", "2CaO + SiO2|Ca2SiO4", "50SiO2-25Na2O-25CaO|Na2CaSi2O6", "Li2O-2B2O3|Li2B4O7"})
    void readsOxideSumsAndMoleRatioMixtures(String input, String plain) {
        reads(input, plain, Notation.OXIDE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"C3S|Ca3SiO5", "C2S|Ca2SiO4", "C3A|Ca3Al2O6", "C4AF|Ca4Al2Fe2O10",
            "C12A7|Ca12Al14O33", "CA|CaAl2O4", "CA2|CaAl4O7", "C2AS|Ca2Al2SiO7", "C4A3S̅|Ca4Al6SO16", "C4A3$|Ca4Al6SO16",
            "C$H2|CaSO6H4", "C6AS̅3H32|Ca6Al2S3O50H64", "C3AH6|Ca3Al2O12H12", "CH|CaO2H2", "M2S|Mg2SiO4",
            "C2MS2|Ca2MgSi2O7", "A3S2|Al6Si2O13"})
    void readsCementNotation(String input, String plain) {
        reads(input, plain, Notation.CEMENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(C2S)|Ca2SiO4|CEMENT", "[C3A]|Ca3Al2O6|CEMENT", "(SiO2)|SiO2|FORMULA",
            "( quicklime )|CaO|NAME"})
    void bracketsAroundTheWholeInputOnlySetItApart(String input, String plain, Notation notation) {
        reads(input, plain, notation);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(NH4)2SO4|N2H8SO4", "(Ba)(TiO3)|BaTiO3"})
    void bracketsThatGroupPartOfAFormulaStayGroups(String input, String plain) {
        reads(input, plain, Notation.FORMULA);
    }

    @Test
    void cshIsCalciumSilicateHydrateWithTheNominalAllenThomasJenningsComposition() {
        NormalizedFormula n = auto("C-S-H");
        assertThat(n.notation()).isEqualTo(Notation.CEMENT);
        assertThat(n.composition().amount("Ca")).isEqualTo(1.7);
        assertThat(n.composition().amount("Si")).isEqualTo(1.0);
        assertThat(n.composition().amount("H")).isEqualTo(3.6);
        assertThat(n.composition().amount("C")).isZero();
        assertThat(n.composition().amount("S")).isZero();
        assertThat(n.name()).isEqualTo("calcium silicate hydrate");
        assertThat(auto("CSH").composition()).isEqualTo(n.composition());
    }

    @Test
    void forcedCementNotationReadsAnyStringOfCementLetters() {
        NormalizedFormula cs = NotationNormalizer.normalize("CS", Notation.CEMENT);
        assertThat(cs.composition()).isEqualTo(Formula.parse("CaSiO3"));
        NormalizedFormula ks = NotationNormalizer.normalize("KN2", Notation.CEMENT);
        assertThat(ks.composition()).isEqualTo(Formula.parse("K2O").plus(Formula.parse("Na4O2")).reduced());
        assertThat(NotationNormalizer.normalize("TH", Notation.CEMENT).composition()).isEqualTo(Formula.parse("TiO3H2"));
    }

    @Test
    void forcedCementNotationPointsAtALetterThatIsNoOxide() {
        assertThatThrownBy(() -> NotationNormalizer.normalize("C3X", Notation.CEMENT))
                .isInstanceOfSatisfying(NotationException.class, e -> {
                    assertThat(e.position()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("'X'");
                });
    }

    @Test
    void moleculesWrittenInCementLettersStayFormulas() {
        reads("NH3", "NH3", Notation.FORMULA);
        reads("CH4", "CH4", Notation.FORMULA);
        reads("KCN", "KCN", Notation.FORMULA);
        reads("HF", "HF", Notation.FORMULA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"quicklime|CaO", "limestone|CaCO3", "quartz|SiO2", "corundum|Al2O3",
            "hematite|Fe2O3", "spinel|MgAl2O4", "wollastonite|CaSiO3", "albite|NaAlSi3O8", "anorthite|CaAl2Si2O8",
            "fayalite|Fe2SiO4", "gahnite|ZnAl2O4", "belite|Ca2SiO4", "alite|Ca3SiO5", "LFP|LiFePO4", "LCO|LiCoO2",
            "NMC811|LiNi0.8Mn0.1Co0.1O2", "NMC532|LiNi0.5Mn0.3Co0.2O2", "nmc-811|LiNi0.8Mn0.1Co0.1O2",
            "LLZO|Li7La3Zr2O12", "BTO|BaTiO3", "STO|SrTiO3", "PZT|PbZr0.52Ti0.48O3", "potash|K2CO3",
            "saltpetre|KNO3", "charcoal|C", "Soda Ash|Na2CO3", "forsterite|Mg2SiO4", "magnetite|Fe3O4", "zircon|ZrSiO4",
            "mullite|Al6Si2O13", "gypsum|CaSO4H4O2", "portlandite|CaO2H2", "perovskite|CaTiO3", "rutile|TiO2",
            "cassiterite|SnO2", "hydroxyapatite|Ca5P3O13H", "LTO|Li4Ti5O12", "NCA|LiNi0.8Co0.15Al0.05O2"})
    void readsCommonMineralAndTradeNames(String input, String plain) {
        reads(input, plain, Notation.NAME);
    }

    @Test
    void yszIsEightMolePercentYttriaInZirconia() {
        Composition ysz = auto("YSZ").composition();
        // 8 mol% Y2O3: Y/(Y+Zr) = 0.16/(0.16+0.92)
        assertThat(ysz.amount("Y") / (ysz.amount("Y") + ysz.amount("Zr"))).isBetween(0.147, 0.149);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"barium titanate|BaTiO3", "lithium carbonate|Li2CO3", "potassium nitrate|KNO3",
            "strontium titanate|SrTiO3", "calcium titanate|CaTiO3", "manganese(IV) oxide|MnO2", "iron(III) oxide|Fe2O3",
            "iron(II) oxide|FeO", "iron(II,III) oxide|Fe3O4", "copper(I) oxide|Cu2O", "Copper(II) sulfate pentahydrate|CuSO9H10",
            "aluminium nitrate nonahydrate|AlN3O18H18", "aluminum oxide|Al2O3", "magnesium hydroxide|MgO2H2",
            "ammonium dihydrogen phosphate|NH6PO4", "diammonium hydrogen phosphate|N2H9PO4", "sodium hydrogen carbonate|NaHCO3",
            "titanium dioxide|TiO2", "silicon dioxide|SiO2", "vanadium pentoxide|V2O5", "tungsten trioxide|WO3",
            "molybdenum disulfide|MoS2", "silicon nitride|Si3N4", "aluminium nitride|AlN", "gallium nitride|GaN",
            "ferric nitrate|FeN3O9", "ferrous oxalate dihydrate|FeC2O6H4", "stannic oxide|SnO2", "cuprous oxide|Cu2O",
            "lithium niobate|LiNbO3", "potassium niobate|KNbO3", "lanthanum aluminate|LaAlO3", "zinc ferrite|ZnFe2O4",
            "magnesium aluminate|MgAl2O4", "yttrium vanadate|YVO4", "calcium tungstate|CaWO4", "lead zirconate|PbZrO3",
            "lithium iron phosphate|LiFePO4", "lithium cobalt oxide|LiCoO2", "zinc sulfide|ZnS", "cerium(IV) oxide|CeO2",
            "lanthanum nitrate hexahydrate|LaN3O15H12", "calcium fluoride|CaF2", "barium sulfate|BaSO4",
            "sodium acetate|NaC2H3O2", "gadolinium zirconate|Gd2Zr2O7", "strontium zirconate|SrZrO3"})
    void buildsSystematicNamesByChargeBalance(String input, String plain) {
        reads(input, plain, Notation.NAME);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gahnite|ZnAl2O4|Al2ZnO4", "cobalt blue|CoAl2O4|Al2CoO4", "hercynite|FeAl2O4|Al2FeO4",
            "chromite|FeCr2O4|Cr2FeO4", "nickel ferrite|NiFe2O4|Fe2NiO4", "cobalt aluminate|CoAl2O4|Al2CoO4", "zinc titanate|ZnTiO3|TiZnO3",
            "spinel|MgAl2O4|MgAl2O4", "perovskite|CaTiO3|CaTiO3", "rutile|TiO2|TiO2", "corundum|Al2O3|Al2O3", "ilmenite|FeTiO3|",
            "hydroxyapatite|Ca5(PO4)3OH|", "Gahnite|ZnAl2O4|", "lithium iron phosphate|LiFePO4|"})
    void aNameKeepsTheFormulaAsChemistsWriteItBesideTheCanonicalOne(String name, String conventional, String canonical) {
        NormalizedFormula n = auto(name);
        assertThat(n.conventionalFormula()).isEqualTo(conventional);
        assertThat(n.composition()).isEqualTo(Formula.parse(conventional).reduced());
        if (canonical != null) {
            assertThat(n.formula()).isEqualTo(canonical);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ZnAl2O4|Al2ZnO4", "ZnO·Al2O3|Al2ZnO4", "C3A|Ca3Al2O6", "Sr2Ti2O6|SrTiO3", "copper|Cu",
            "barium nitrate|BaN2O6"})
    void anythingButANameOrAPlainBuiltFormulaIsWrittenCanonically(String input, String conventional) {
        assertThat(auto(input).conventionalFormula()).isEqualTo(conventional).isEqualTo(auto(input).formula());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"tricalcium aluminate|Ca3Al2O6", "tricalcium silicate|Ca3SiO5",
            "dicalcium silicate|Ca2SiO4", "tetracalcium aluminoferrite|Ca4Al2Fe2O10", "disodium phosphate|Na2HPO4",
            "tricalcium phosphate|Ca3P2O8", "trisodium phosphate|Na3PO4", "dipotassium carbonate|K2CO3"})
    void aCationCountPrefixIsHonouredNotOverruledByChargeBalance(String input, String plain) {
        reads(input, plain, Notation.NAME);
    }

    @Test
    void aCationCountThatNoChargeBalanceGivesIsAnErrorNotAGuess() {
        // "trisodium carbonate" cannot be charge balanced with 3 Na; the count prefix is not silently dropped.
        assertThatThrownBy(() -> NotationNormalizer.normalize("trisodium carbonate", Notation.NAME))
                .isInstanceOf(NotationException.class);
    }

    @Test
    void ambiguousNamesSayWhichReadingWasTakenAndListTheOthers() {
        NormalizedFormula lime = auto("lime");
        assertThat(lime.formula()).isEqualTo("CaO");
        assertThat(lime.isAmbiguous()).isTrue();
        assertThat(lime.alternatives()).containsExactlyInAnyOrder(Formula.parse("CaCO3").formula(), Formula.parse("Ca(OH)2").formula());
        NormalizedFormula ironOxide = auto("iron oxide");
        assertThat(ironOxide.formula()).isEqualTo("Fe2O3");
        assertThat(ironOxide.alternatives()).contains("FeO", "Fe3O4");
        assertThat(auto("iron(III) oxide").isAmbiguous()).isFalse();
        NormalizedFormula soda = auto("soda"); // as in the field's usage (and potash, K2CO3): soda ash; Na2O in glass notation
        assertThat(soda.formula()).isEqualTo(Formula.parse("Na2CO3").formula());
        assertThat(soda.alternatives()).contains(Formula.parse("Na2O").formula());
    }

    @Test
    void elementNamesGiveTheElementAndGasesTheirMolecule() {
        assertThat(auto("copper").formula()).isEqualTo("Cu");
        assertThat(auto("hydrogen").formula()).isEqualTo("H2");
        assertThat(auto("nitrogen").formula()).isEqualTo("N2");
        assertThat(auto("sulphur").formula()).isEqualTo("S");
    }

    @Test
    void unknownWordsArePointedAt() {
        assertThatThrownBy(() -> auto("barium flubbate"))
                .isInstanceOfSatisfying(NotationException.class, e -> {
                    assertThat(e.getMessage()).contains("'flubbate'");
                    assertThat(e.position()).isEqualTo(7);
                });
        assertThatThrownBy(() -> auto("unobtainium"))
                .isInstanceOfSatisfying(NotationException.class, e -> assertThat(e.position()).isZero());
    }

    @Test
    void badFormulasArePointedAtTheCharacter() {
        assertThatThrownBy(() -> auto("Na2O·Al2Q3"))
                .isInstanceOfSatisfying(NotationException.class, e -> {
                    assertThat(e.position()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("'Q'");
                });
        assertThatThrownBy(() -> auto("  ")).isInstanceOf(NotationException.class);
    }

    @Test
    void forcedFormulaNotationDoesNotLookUpNames() {
        assertThatThrownBy(() -> NotationNormalizer.normalize("lime", Notation.FORMULA)).isInstanceOf(NotationException.class);
        assertThat(NotationNormalizer.normalize("C3S", Notation.FORMULA).formula()).isEqualTo("C3S");
    }

    @Test
    void forcedNameNotationRefusesFormulas() {
        assertThatThrownBy(() -> NotationNormalizer.normalize("BaTiO3", Notation.NAME)).isInstanceOf(NotationException.class);
    }

    @Test
    void theNameTableHasMoreThanOneHundredAndFiftyEntriesAndEveryFormulaParses() {
        assertThat(NameTable.standard().entries()).hasSizeGreaterThan(150);
        for (NameTable.Entry e : NameTable.standard().entries()) {
            assertThat(auto(e.name()).composition()).as(e.name()).isEqualTo(e.composition().reduced().elements().size() > 1
                    ? e.composition().reduced() : e.composition());
        }
    }
}
