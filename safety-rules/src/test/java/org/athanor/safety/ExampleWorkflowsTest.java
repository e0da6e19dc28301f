package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowException;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The example workflow files (also used by `athanor vet`) get the verdicts listed in workflows/expected.csv. */
class ExampleWorkflowsTest {

    private static final Gate GATE = Plans.gate();

    static Path dir() throws URISyntaxException {
        return Path.of(ExampleWorkflowsTest.class.getResource("/workflows/expected.csv").toURI()).getParent();
    }

    static Stream<Arguments> expectations() throws IOException, URISyntaxException {
        return Files.readAllLines(dir().resolve("expected.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(",", -1))
                .map(f -> Arguments.of(f[0], f[1], f[2].isBlank() ? List.of() : Arrays.asList(f[2].split(";"))));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("expectations")
    void exampleWorkflowGetsItsExpectedVerdict(String file, String verdict, List<String> rules) throws Exception {
        Workflow w = WorkflowJson.read(dir().resolve(file));
        Verdict v = GATE.vet(w, LabState.defaultSimulatedLab());
        assertThat(v.decision().json()).as("%s: %s", file, v.violations()).isEqualTo(verdict);
        assertThat(Plans.errorRules(v)).containsAll(rules);
    }

    @Test
    void everyExampleFileIsListedInTheExpectations() throws Exception {
        List<String> listed = expectations().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("invalid")))
                    .allMatch(listed::contains);
        }
    }

    @Test
    void invalidFilesFailToReadWithAClearReason() throws Exception {
        assertThatThrownBy(() -> WorkflowJson.read(dir().resolve("invalid-no-steps.json")))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("steps");
        assertThatThrownBy(() -> WorkflowJson.read(dir().resolve("invalid-not-json.json")))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("not valid JSON");
    }
}
