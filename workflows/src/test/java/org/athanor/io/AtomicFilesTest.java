package org.athanor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsWrittenWholeIntoDirectoriesMadeForIt() throws IOException {
        Path file = dir.resolve("a/b/result.json");
        AtomicFiles.writeString(file, "{\"ok\": true}\n");
        assertThat(file).hasContent("{\"ok\": true}");
        assertThat(names(file.getParent())).containsExactly("result.json");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path file = dir.resolve("result.json");
        AtomicFiles.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, tmp -> {
            Files.writeString(tmp, "half of the ne");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(file).hasContent("old");
        assertThat(names(dir)).containsExactly("result.json");
    }

    private static Stream<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
