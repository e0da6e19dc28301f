package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Written peak lists reproduce the reference files line for line (families on one peak compared as a set). */
class PeakListCsvTest {

    static java.util.stream.Stream<String> referenceFiles() throws Exception {
        return PymatgenReferenceTest.referenceFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceFiles")
    void writesTheReferenceFormatExactly(String file) throws Exception {
        String dir = "/org/athanor/crystal/xrd-reference/";
        String expected;
        CrystalStructure s;
        try (InputStream in = getClass().getResourceAsStream(dir + file.replace(".cif", ".peaks.csv"))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream(dir + file)) {
            s = CifReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file).get(0);
        }

        String written = PeakListCsv.write(PowderDiffraction.peaks(s, Radiation.CU_KA, 10, 90));

        List<String> want = expected.lines().toList();
        List<String> got = written.lines().toList();
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            String[] w = want.get(i).split(",");
            String[] g = got.get(i).split(",");
            assertThat(List.of(g[0], g[1], g[2])).as("line %d", i + 1).isEqualTo(List.of(w[0], w[1], w[2]));
            assertThat(ReferencePeaks.sameFamilies(g[3], w[3])).as("line %d: %s vs %s", i + 1, g[3], w[3]).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void roundsLikePythonFromTheExactBinaryValue() {
        assertThat(PeakListCsv.fixed(2.024025, 5)).isEqualTo("2.02402"); // binary value lies just below the tie
        assertThat(PeakListCsv.fixed(0.125, 2)).isEqualTo("0.12"); // exact tie: half to even
        assertThat(PeakListCsv.fixed(100, 3)).isEqualTo("100.000");
    }
}
