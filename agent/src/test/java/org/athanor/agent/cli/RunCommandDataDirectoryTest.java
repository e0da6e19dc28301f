package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `athanor run --data DIR` where DIR cannot hold a journal: one line that names it, exit 2, and nothing else. */
class RunCommandDataDirectoryTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int run(Path data) {
        return new CommandLine(new RunCommand()).execute("--dry-run", "--data", data.toString(), "make 1 g of ZnO");
    }

    @Test
    void aFileGivenAsTheDataDirectoryGetsOneLineAndNoStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("F"), "hi");

        assertThat(run(file)).isEqualTo(ExitCodes.USAGE);

        assertThat(console.out()).isEmpty();
        assertThat(console.err()).isEqualTo("athanor run: cannot open the journal at jdbc:h2:file:"
                + file.resolve("journal") + ": the data directory " + file + " is a file, not a directory" + System.lineSeparator());
    }

    @Test
    void aDataDirectoryBelowAFileGetsOneLineAndNoStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("F"), "hi");

        assertThat(run(file.resolve("sub"))).isEqualTo(ExitCodes.USAGE);

        assertThat(console.out()).isEmpty();
        assertThat(console.err().lines().toList()).singleElement().asString()
                .endsWith("cannot be created: " + file + " is a file, not a directory");
    }
}
