package org.athanor.instruments.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternWriterTest {

    @TempDir
    Path dir;

    private final XrdPattern pattern = new XrdPattern(new double[] {10, 10.02, 10.04}, new double[] {1.5, 2, 1e6},
            Map.of("radiation", "CuKa1", "sample", "S-7"));

    @Test
    void xyRoundTripKeepsValuesAndMetadata() {
        Path out = dir.resolve("p.xy");
        PatternWriter.writeXy(pattern, out);
        XrdPattern back = PatternReader.read(out);
        assertThat(back.twoTheta()).containsExactly(pattern.twoTheta());
        assertThat(back.intensity()).containsExactly(pattern.intensity());
        assertThat(back.metadata()).containsEntry("radiation", "CuKa1").containsEntry("sample", "S-7");
    }

    @Test
    void csvRoundTripKeepsValues() {
        Path out = dir.resolve("p.csv");
        PatternWriter.writeCsv(pattern, out);
        XrdPattern back = PatternReader.read(out);
        assertThat(back.twoTheta()).containsExactly(pattern.twoTheta());
        assertThat(back.intensity()).containsExactly(pattern.intensity());
    }

    @Test
    void overwritesAtomicallyLeavingNoTempFiles() throws IOException {
        Path out = dir.resolve("p.xy");
        Files.writeString(out, "old content that is not a pattern\n");
        PatternWriter.writeXy(pattern, out);
        assertThat(PatternReader.read(out).size()).isEqualTo(3);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("p.xy");
        }
    }
}
