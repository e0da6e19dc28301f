package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CifReaderTest {

    private static String cif(String symmetry, String cell, String atoms) {
        return "data_test\n" + cell + symmetry + "loop_\n_atom_site_label\n_atom_site_type_symbol\n"
                + "_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n" + atoms;
    }

    private static final String CUBIC_543 = "_cell_length_a 5.4309(2)\n_cell_length_b 5.4309(2)\n_cell_length_c 5.4309(2)\n"
            + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n";

    @Test
    void readsNumbersWithStandardUncertainties() {
        CrystalStructure s = CifReader.read(cif("_symmetry_space_group_name_H-M 'F d -3 m :1'\n", CUBIC_543,
                "Si1 Si 0 0 0\n"), "si.cif").get(0);

        assertThat(s.lattice().a()).isEqualTo(5.4309);
        assertThat(s.unitCell()).hasSize(8);
    }

    @Test
    void diamondWrittenForOriginChoiceTwoIsRecognisedFromItsOldStyleSymbol() {
        // AMCSD writes Fd3m with origin 2, Si at 1/8,1/8,1/8; origin 1 would scatter it onto 32 positions
        CrystalStructure s = CifReader.read(cif("_symmetry_space_group_name_H-M 'F d 3 m'\n", CUBIC_543,
                "Si1 Si 0.125 0.125 0.125\n"), "si.cif").get(0);

        assertThat(s.unitCell()).hasSize(8);
        assertThat(s.spaceGroup().symbol()).isEqualTo("F d -3 m :2");
    }

    @Test
    void diamondAtTheOriginUsesPymatgensOriginChoiceOne() {
        CrystalStructure s = CifReader.read(cif("_symmetry_space_group_name_H-M 'Fd-3m'\n", CUBIC_543,
                "Si1 Si 0 0 0\n"), "si.cif").get(0);

        assertThat(s.spaceGroup().symbol()).isEqualTo("F d -3 m :1");
        assertThat(s.unitCell()).hasSize(8);
    }

    @Test
    void rockSaltFromSpaceGroupNumberAlone() {
        CrystalStructure s = CifReader.read(cif("_symmetry_Int_Tables_number 225\n",
                CUBIC_543.replace("5.4309(2)", "5.64"), "Na1 Na+ 0 0 0\nCl1 Cl- 0.5 0.5 0.5\n"), "nacl.cif").get(0);

        assertThat(s.composition()).containsExactly(Map.entry("Na", 4.0), Map.entry("Cl", 4.0));
        assertThat(s.unitCell().get(0).oxidationState()).isEqualTo(1);
        assertThat(s.unitCell().get(4).oxidationState()).isEqualTo(-1);
    }

    @Test
    void hexagonalSymbolWithSpacesBuildsWurtzite() {
        String cell = "_cell_length_a 3.25\n_cell_length_b 3.25\n_cell_length_c 5.21\n_cell_angle_alpha 90\n"
                + "_cell_angle_beta 90\n_cell_angle_gamma 120\n";
        CrystalStructure s = CifReader.read(cif("_space_group_name_H-M_alt 'P 63 m c'\n", cell,
                "Zn1 Zn2+ 0.3333333 0.6666667 0\nO1 O2- 0.3333333 0.6666667 0.382\n"), "zno.cif").get(0);

        assertThat(s.spaceGroup().number()).isEqualTo(186);
        assertThat(s.composition()).containsExactly(Map.entry("Zn", 2.0), Map.entry("O", 2.0));
    }

    @Test
    void rhombohedralGroupFollowsTheCellAxes() {
        String hex = "_cell_length_a 2.82\n_cell_length_b 2.82\n_cell_length_c 14.05\n_cell_angle_alpha 90\n"
                + "_cell_angle_beta 90\n_cell_angle_gamma 120\n";
        String rho = "_cell_length_a 4.96\n_cell_length_b 4.96\n_cell_length_c 4.96\n_cell_angle_alpha 33.0\n"
                + "_cell_angle_beta 33.0\n_cell_angle_gamma 33.0\n";
        String hexAtoms = "Li1 Li 0 0 0.5\nCo1 Co 0 0 0\nO1 O 0 0 0.26\n";
        String rhombAtoms = "Li1 Li 0.5 0.5 0.5\nCo1 Co 0 0 0\nO1 O 0.26 0.26 0.26\n";

        CrystalStructure onHexAxes = CifReader.read(cif("_symmetry_space_group_name_H-M 'R -3 m'\n", hex, hexAtoms), "h")
                .get(0);
        CrystalStructure onRhombAxes = CifReader.read(cif("_symmetry_space_group_name_H-M 'R -3 m'\n", rho, rhombAtoms),
                "r").get(0);

        assertThat(onHexAxes.composition()).containsExactly(Map.entry("Li", 3.0), Map.entry("Co", 3.0), Map.entry("O", 6.0));
        assertThat(onRhombAxes.spaceGroup().symbol()).endsWith(":R");
        assertThat(onRhombAxes.composition()).containsExactly(Map.entry("Li", 1.0), Map.entry("Co", 1.0), Map.entry("O", 2.0));
    }

    @Test
    void monoclinicShortSymbolAndHallSymbolGiveTheSameOperations() {
        SpaceGroup shortSymbol = SpaceGroup.of("P21/c");
        SpaceGroup hall = SpaceGroupTable.instance().findHall("-P 2ybc").orElseThrow();

        assertThat(shortSymbol.number()).isEqualTo(14);
        assertThat(hall.operations()).containsExactlyInAnyOrderElementsOf(shortSymbol.operations());
        assertThat(SpaceGroup.of("P 1 21/n 1").operations()).hasSize(4);
        assertThat(SpaceGroup.of("Pbnm").number()).isEqualTo(62);
        assertThat(SpaceGroup.of("Fd-3m:2").symbol()).isEqualTo("F d -3 m :2");
        assertThat(SpaceGroup.of("R-3m:R").operations()).hasSize(12);
        assertThat(SpaceGroup.of("P 63/m m c").operations()).hasSize(24);
    }

    @Test
    void everyNumberFrom1To230HasAStandardSetting() {
        for (int n = 1; n <= 230; n++) {
            assertThat(SpaceGroupTable.instance().byNumber(n)).as("group %d", n).isPresent();
        }
        assertThat(SpaceGroupTable.instance().settings()).hasSizeGreaterThanOrEqualTo(530);
    }

    @Test
    void readsMultipleBlocksQuotedValuesTextFieldsAndComments() {
        String text = "# two phases\ndata_first\n_publ_section_title\n;\n A title with 'quotes' and data_ inside\n;\n"
                + "_chemical_name_common 'rock salt # not a comment'\n"
                + CUBIC_543 + "_symmetry_space_group_name_H-M 'F m -3 m'\nloop_\n_atom_site_label _atom_site_fract_x"
                + " _atom_site_fract_y _atom_site_fract_z _atom_site_occupancy\nNa1 0 0 0 1.0\nCl1 .5 .5 .5 1.0 # anion\n"
                + "data_second\n" + CUBIC_543 + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
                + "_atom_site_fract_z\nCu1 0 0 0\n";

        List<CrystalStructure> structures = CifReader.read(text, "two.cif");

        assertThat(structures).extracting(CrystalStructure::name).containsExactly("first", "second");
        assertThat(structures.get(0).composition()).containsEntry("Na", 4.0).containsEntry("Cl", 4.0);
        assertThat(structures.get(1).composition()).containsExactly(Map.entry("Cu", 1.0));
    }

    @Test
    void mixedSitesShareAPositionAndKeepTheirOccupancies() {
        String text = cif("_symmetry_space_group_name_H-M 'F m -3 m'\n", CUBIC_543.replace("5.4309(2)", "4.3"),
                "Fe1 Fe2+ 0 0 0\nMg1 Mg2+ 0 0 0\nO1 O2- 0.5 0.5 0.5\n")
                .replace("_atom_site_fract_z\n", "_atom_site_fract_z\n_atom_site_occupancy\n")
                .replace("0 0 0\nMg1", "0 0 0 0.3\nMg1").replace("Mg2+ 0 0 0\n", "Mg2+ 0 0 0 0.7\n")
                .replace("0.5 0.5 0.5\n", "0.5 0.5 0.5 1\n");

        CrystalStructure s = CifReader.read(text, "fmo.cif").get(0);

        assertThat(s.composition().get("Fe")).isCloseTo(1.2, within(1e-12));
        assertThat(s.composition().get("Mg")).isCloseTo(2.8, within(1e-12));
        assertThat(s.atomCount()).isEqualTo(8);
    }

    @Test
    void displacementParametersComeFromBisoUisoOrTheAnisotropicTensor() {
        String text = "data_t\n" + CUBIC_543 + "_symmetry_space_group_name_H-M 'P 1'\nloop_\n_atom_site_label\n"
                + "_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_U_iso_or_equiv\n"
                + "_atom_site_B_iso_or_equiv\nA1 0 0 0 0.01 ?\nB1 0.5 0 0 ? 0.7\nC1 0 0.5 0 ? ?\n"
                + "loop_\n_atom_site_aniso_label\n_atom_site_aniso_U_11\n_atom_site_aniso_U_22\n_atom_site_aniso_U_33\n"
                + "_atom_site_aniso_U_12\n_atom_site_aniso_U_13\n_atom_site_aniso_U_23\nC1 0.01 0.02 0.03 0 0 0\n";
        text = text.replace("A1 ", "Al1 ").replace("B1 ", "Ba1 ").replace("C1 ", "Ca1 ");

        CrystalStructure s = CifReader.read(text, "adp.cif").get(0);

        double eightPiSq = 8 * Math.PI * Math.PI;
        assertThat(s.asymmetricSites().get(0).bIso()).isCloseTo(eightPiSq * 0.01, within(1e-12));
        assertThat(s.asymmetricSites().get(1).bIso()).isCloseTo(0.7, within(1e-12));
        // cubic cell: U_eq is the mean of the diagonal
        assertThat(s.asymmetricSites().get(2).bIso()).isCloseTo(eightPiSq * 0.02, within(1e-9));
    }

    @Test
    void malformedCifsNameFileLineAndReason() {
        assertThatThrownBy(() -> CifReader.read("data_x\n_cell_length_a 'unclosed\n", "bad1.cif"))
                .isInstanceOf(CifException.class)
                .hasMessageContaining("bad1.cif:2").hasMessageContaining("not closed");
        assertThatThrownBy(() -> CifReader.read(cif("", CUBIC_543, "Si1 Si 0 0\n"), "bad2.cif"))
                .isInstanceOf(CifException.class)
                .hasMessageContaining("bad2.cif:14").hasMessageContaining("not a multiple");
        assertThatThrownBy(() -> CifReader.read(cif("", CUBIC_543.replace("5.4309(2)\n_cell_length_b", "5.4x\n_cell_length_b"),
                "Si1 Si 0 0 0\n"), "bad3.cif"))
                .isInstanceOf(CifException.class)
                .hasMessageContaining("bad3.cif:2").hasMessageContaining("'5.4x' is not a number");
        assertThatThrownBy(() -> CifReader.read(cif("", "", "Si1 Si 0 0 0\n"), "bad4.cif"))
                .isInstanceOf(CifException.class).hasMessageContaining("_cell_length_a");
        assertThatThrownBy(() -> CifReader.read(cif("", CUBIC_543, "Xx1 Qq 0 0 0\n"), "bad5.cif"))
                .isInstanceOf(CifException.class)
                .hasMessageContaining("bad5.cif:14").hasMessageContaining("element");
        assertThatThrownBy(() -> CifReader.read(cif("_symmetry_space_group_name_H-M 'Q 9'\n", CUBIC_543,
                "Si1 Si 0 0 0\n"), "bad6.cif"))
                .isInstanceOf(CifException.class).hasMessageContaining("unknown space group symbol 'Q 9'");
        assertThatThrownBy(() -> CifReader.read("_cell_length_a 5\n", "bad7.cif"))
                .isInstanceOf(CifException.class).hasMessageContaining("before any data_ block");
        assertThatThrownBy(() -> CifReader.read(cif("loop_\n_symmetry_equiv_pos_as_xyz\n'x,y,w'\n", CUBIC_543,
                "Si1 Si 0 0 0\n"), "bad8.cif"))
                .isInstanceOf(CifException.class).hasMessageContaining("bad8.cif:10");
    }
}
