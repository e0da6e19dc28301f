package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Read → write → read gives the same cell and the same pattern; a symbol alone rebuilds the cell the operators give. */
class CifRoundTripTest {

    static java.util.stream.Stream<Path> libraryCifs() throws Exception {
        return CifLibraryTest.libraryCifs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraryCifs")
    void writingAndReadingBackKeepsCellAndPattern(Path file) {
        CrystalStructure original = CifReader.read(file).get(0);

        CrystalStructure again = CifReader.read(CifWriter.toCif(original), "written").get(0);
        CrystalStructure p1 = CifReader.read(CifWriter.toP1(original), "written-p1").get(0);

        assertThat(again.lattice()).isEqualTo(original.lattice());
        assertThat(again.unitCell()).isEqualTo(original.unitCell());
        assertThat(p1.composition()).isEqualTo(original.composition());
        assertSamePattern(original, again, 1e-3);
        // In P1 every generated coordinate is read again, and one lying within 1e-4 (relative) of ⅓ or ⅔ is snapped
        // to it (e.g. Li2CO3's z = 0.8334 has the image 0.6666); that moves intensities by up to ~0.01 on the 100 scale.
        assertSamePattern(original, p1, 0.02);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraryCifs")
    void theSpaceGroupSymbolAloneRebuildsTheSameCell(Path file) throws Exception {
        String text = Files.readString(file);
        CrystalStructure withOperators = CifReader.read(text, file.toString()).get(0);
        String stripped = withoutOperators(text);
        if (!stripped.contains("space_group_name_H-M") && !stripped.contains("_space_group_IT_number")
                && !stripped.contains("_symmetry_Int_Tables_number")) {
            return; // nothing but operators to go on
        }

        CrystalStructure fromSymbol = CifReader.read(stripped, file + " (operators removed)").get(0);
        if (SpaceGroupTable.instance().originAndAxisChoices(fromSymbol.spaceGroup()).stream()
                .noneMatch(choice -> sameOperations(choice, withOperators.spaceGroup()))) {
            // the file's operators are a setting outside the table (e.g. AMCSD quartz with its origin shifted along c):
            // no symbol lookup can reproduce them
            return;
        }

        assertThat(fromSymbol.spaceGroup().operations()).hasSameSizeAs(withOperators.spaceGroup().operations());
        assertThat(fromSymbol.composition()).isEqualTo(withOperators.composition());
        assertSamePattern(withOperators, fromSymbol, 1e-3);
    }

    @Test
    void writesAtomicallyToAFile(@TempDir Path dir) {
        CrystalStructure s = CifReader.read("data_cu\n_cell_length_a 3.615\n_cell_length_b 3.615\n_cell_length_c 3.615\n"
                + "_symmetry_space_group_name_H-M 'F m -3 m'\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
                + "_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_B_iso_or_equiv\nCu1 0 0 0 0.55\n", "cu").get(0);
        Path out = dir.resolve("cu.cif");

        CifWriter.write(s, out);

        CrystalStructure back = CifReader.read(out).get(0);
        assertThat(back.unitCell()).hasSize(4);
        assertThat(back.unitCell().get(0).bIso()).isEqualTo(0.55);
        assertThat(back.density()).isCloseTo(s.density(), within(1e-12));
    }

    /** Same operations, translations compared modulo lattice translations. */
    static boolean sameOperations(SpaceGroup a, SpaceGroup b) {
        return keys(a).equals(keys(b));
    }

    private static java.util.Set<String> keys(SpaceGroup g) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (SymmetryOperation op : g.operations()) {
            double[] t = op.translation();
            long[] tk = new long[3];
            for (int i = 0; i < 3; i++) {
                tk[i] = Math.floorMod(Math.round(t[i] * 24), 24);
            }
            out.add(java.util.Arrays.toString(op.rotation()) + java.util.Arrays.toString(tk));
        }
        return out;
    }

    /** Removes every loop that lists symmetry operators. */
    static String withoutOperators(String text) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            if (line.equalsIgnoreCase("loop_") || line.toLowerCase().startsWith("loop_ ")) {
                List<String> header = new ArrayList<>();
                header.add(lines[i]);
                int j = i + 1;
                while (j < lines.length && lines[j].strip().startsWith("_")) {
                    header.add(lines[j]);
                    j++;
                }
                String tags = String.join(" ", header).toLowerCase();
                if (tags.contains("equiv_pos_as_xyz") || tags.contains("symop_operation_xyz")) {
                    while (j < lines.length && !lines[j].strip().startsWith("_") && !lines[j].strip().startsWith("loop_")
                            && !lines[j].strip().startsWith("data_")) {
                        j++;
                    }
                    i = j;
                    continue;
                }
            }
            out.add(lines[i]);
            i++;
        }
        return String.join("\n", out);
    }

    private static void assertSamePattern(CrystalStructure a, CrystalStructure b, double intensityTolerance) {
        List<Reflection> pa = PowderDiffraction.peaks(a, Radiation.CU_KA, 10, 90);
        List<Reflection> pb = PowderDiffraction.peaks(b, Radiation.CU_KA, 10, 90);
        assertThat(pb).hasSameSizeAs(pa);
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pb.get(i).twoThetaDeg()).isCloseTo(pa.get(i).twoThetaDeg(), within(1e-6));
            assertThat(pb.get(i).relativeIntensity()).isCloseTo(pa.get(i).relativeIntensity(), within(intensityTolerance));
        }
    }
}
