package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.instruments.analysis.xrd.PhaseIdentification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class XrdIdentifyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new XrdIdentifyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static String resource(String name) {
        try {
            return Path.of(XrdIdentifyCommandTest.class.getResource("/xrd-identify/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void printsOneJsonLinePerPatternWithTheIdentifiedPhase() throws Exception {
        int exit = run("--library", resource("library"), "--json", resource("MnO.xy"));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertThat(line.get("pattern").asText()).endsWith("MnO.xy");
        assertThat(line.get("rwp").asDouble()).isPositive();
        JsonNode phase = line.get("phases").get(0);
        assertThat(phase.get("id").asText()).isEqualTo("MnO_225");
        assertThat(phase.get("formula").asText()).isEqualTo("MnO");
        assertThat(phase.get("weightFraction").asDouble()).isGreaterThan(0.95);
        assertThat(phase.has("confidence")).isTrue();
        assertThat(phase.has("strain")).isTrue();
    }

    @Test
    void exitsTwoNamingTheFileAndLineOfAnUnreadablePattern() {
        int exit = run("--library", resource("library"), "--json", resource("broken.xy"));

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("broken.xy").contains("3");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void anUnreadableCifIsLeftOutOfTheLibraryWithAWarningAndTheRestIsUsed(@TempDir Path dir) throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        try (var cifs = Files.list(Path.of(resource("library")))) {
            for (Path cif : cifs.toList()) {
                Files.copy(cif, library.resolve(cif.getFileName()));
            }
        }
        Files.writeString(library.resolve("half-written.cif"), "data_x\n_cell_length_a 3\n");
        int exit = run("--library", library.toString(), "--json", resource("MnO.xy"));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("left out of the library: ").contains("half-written.cif:").doesNotContain("Exception");
        assertThat(out.toString()).contains("\"formula\":\"MnO\"");
    }

    @Test
    void aLibraryWhoseCifsAreAllUnreadableIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.cif"), "data_x\n_cell_length_a 3\n");
        Files.writeString(dir.resolve("b.cif"), "not a cif at all");
        int exit = run("--library", dir.toString(), resource("MnO.xy"));

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("none of its 2 .cif files could be read");
    }

    @Test
    void exitsTwoWhenTheLibraryDirectoryDoesNotExist() {
        int exit = run("--library", "/no/such/library", resource("MnO.xy"));

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("/no/such/library");
    }

    @Test
    void withoutABlankNoAmorphousShareIsReported() throws Exception {
        run("--library", resource("library"), "--json", resource("MnO.xy"));

        assertThat(new ObjectMapper().readTree(out.toString().strip()).has("amorphousShare")).isFalse();
    }

    @Test
    void aBlankLetsTheBroadScatteringAboveItBeReadAndNoted(@TempDir Path dir) throws Exception {
        // A blank of nothing: all broad scattering of the measured pattern (its holder hump included) counts as diffuse.
        Path blank = dir.resolve("empty.xy");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= 9500; i++) {
            text.append(String.format(java.util.Locale.ROOT, "%.2f 0%n", 5 + 0.01 * i));
        }
        Files.writeString(blank, text);

        int exit = run("--library", resource("library"), "--blank", blank.toString(), resource("MnO.xy"));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(PhaseIdentification.AMORPHOUS_HUMP);
    }

    @Test
    void exitsTwoNamingABlankThatCannotBeRead() {
        int exit = run("--library", resource("library"), "--blank", "/no/such/blank.xy", resource("MnO.xy"));

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("blank /no/such/blank.xy").doesNotContain("Exception");
    }
}
