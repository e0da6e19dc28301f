package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every CIF in the project's library reads into a cell whose contents make chemical sense. */
class CifLibraryTest {

    static Stream<Path> libraryCifs() throws IOException, URISyntaxException {
        Path root = Path.of(CifLibraryTest.class.getResource("/org/athanor/crystal/library").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".cif")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraryCifs")
    void readsEveryLibraryCifIntoAFullCell(Path file) {
        List<CrystalStructure> structures = CifReader.read(file);

        assertThat(structures).isNotEmpty();
        for (CrystalStructure s : structures) {
            assertThat(s.unitCell()).hasSizeGreaterThanOrEqualTo(s.asymmetricSites().size());
            assertThat(s.density()).isBetween(0.3, 25.0);
            assertThat(PowderDiffraction.peaks(s, Radiation.CU_KA, 10, 90)).isNotEmpty();
        }
    }
}
