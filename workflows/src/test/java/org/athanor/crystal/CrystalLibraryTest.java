package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CrystalLibraryTest {

    @Test
    void theIndexListsEveryStructureFileInTheLibrary() throws Exception {
        Path root = Path.of(getClass().getResource("/org/athanor/crystal/library").toURI());
        try (var walk = java.nio.file.Files.walk(root)) {
            var onDisk = walk.filter(p -> p.toString().endsWith(".cif") || p.toString().endsWith("POSCAR"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(CrystalLibrary.files()).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void loadsStructuresByPathAndByName() {
        CrystalStructure anatase = CrystalLibrary.load(CrystalLibrary.find("TiO2_sg141_Anatase").orElseThrow());
        CrystalStructure batio3 = CrystalLibrary.load("pymatgen_test_files/BaTiO3_polar_POSCAR");

        assertThat(anatase.reducedFormula()).isEqualTo("TiO2");
        assertThat(anatase.spaceGroup().number()).isEqualTo(141);
        assertThat(batio3.composition()).containsEntry("Ba", 1.0).containsEntry("Ti", 1.0).containsEntry("O", 3.0);
        assertThat(CrystalLibrary.find("no-such-phase")).isEmpty();
    }
}
