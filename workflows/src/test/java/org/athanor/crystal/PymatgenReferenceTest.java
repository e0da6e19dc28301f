package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Peak lists agree with pymatgen's for every structure in the shared reference set (copied into test resources). */
class PymatgenReferenceTest {

    private static final String DIR = "/org/athanor/crystal/xrd-reference/";

    static Stream<String> referenceFiles() throws IOException {
        try (InputStream in = PymatgenReferenceTest.class.getResourceAsStream(DIR + "index.json")) {
            JsonNode index = new ObjectMapper().readTree(in);
            List<String> files = new ArrayList<>();
            index.get("phases").forEach(p -> files.add(p.get("file").asText()));
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceFiles")
    void peaksMatchPymatgenWithin001DegreesAndTwoPoints(String file) throws IOException {
        CrystalStructure structure;
        try (InputStream in = getClass().getResourceAsStream(DIR + file)) {
            structure = CifReader.read(new String(in.readAllBytes()), file).get(0);
        }
        ReferencePeaks reference = ReferencePeaks.load(DIR + file.replace(".cif", ".peaks.csv"));

        List<Reflection> peaks = PowderDiffraction.peaks(structure, Radiation.CU_KA, 10, 90);

        assertThat(reference.compare(peaks, 0.01, 2.0, 0.01)).isEmpty();
    }
}
