package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `athanor vet`: readable and JSON-lines verdicts, exit codes 0/1/2, reasons without stack traces. */
class VetCommandTest {

    private static final String SAFE = """
            {"schemaVersion": 1, "id": "batio3", "goal": "make BaTiO3", "target": {"formula": "BaTiO3"},
             "steps": [
               {"id": "d1", "action": "dispense", "instrument": "dispenser-1", "sample": "s1", "params": {"material": "BaCO3", "mass": {"value": 1.69, "unit": "g"}}},
               {"id": "d2", "action": "dispense", "instrument": "dispenser-1", "sample": "s1", "params": {"material": "TiO2", "mass": {"value": 0.68, "unit": "g"}}},
               {"id": "heat", "action": "heat", "instrument": "box-furnace-1", "sample": "s1", "params": {
                 "profile": [{"temperature": {"value": %s, "unit": "%s"}, "rampRate": {"value": 5, "unit": "°C/min"}, "hold": {"value": 8, "unit": "h"}}],
                 "atmosphere": {"gas": "air"}, "crucible": "alumina"}}
             ]}
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new VetCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void approvedWorkflowsExitZeroWithAReadableVerdict(@TempDir Path dir) throws Exception {
        Path safe = write(dir, "safe.json", SAFE.formatted(1150, "°C"));
        assertThat(run(safe.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("safe.json: APPROVED").contains("rule set athanor-safety");
    }

    @Test
    void aRejectedWorkflowExitsOneAndSaysWhy(@TempDir Path dir) throws Exception {
        Path hot = write(dir, "hot.json", SAFE.formatted(1500, "K"));
        assertThat(run(hot.toString())).isEqualTo(ExitCodes.REJECTED);
        assertThat(out.toString()).contains("hot.json: REJECTED").contains("error in step heat")
                .contains("A furnace heats no higher than its rated maximum temperature").contains("1226.85 °C");
    }

    @Test
    void jsonModePrintsOneLinePerFileInOrder(@TempDir Path dir) throws Exception {
        Path safe = write(dir, "a-safe.json", SAFE.formatted(2000, "°F"));
        Path hot = write(dir, "b-hot.json", SAFE.formatted(1201, "°C"));
        assertThat(run("--json", safe.toString(), hot.toString())).isEqualTo(ExitCodes.REJECTED);
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = WorkflowJson.mapper().readTree(lines[0]);
        JsonNode second = WorkflowJson.mapper().readTree(lines[1]);
        assertThat(first.get("file").asText()).endsWith("a-safe.json");
        assertThat(first.get("verdict").asText()).isEqualTo("approved");
        assertThat(first.get("violations")).isEmpty();
        assertThat(second.get("verdict").asText()).isEqualTo("rejected");
        JsonNode v = second.get("violations").get(0);
        assertThat(v.get("rule").asText()).isEqualTo("A furnace heats no higher than its rated maximum temperature");
        assertThat(v.get("severity").asText()).isEqualTo("error");
        assertThat(v.get("step").asText()).isEqualTo("heat");
        assertThat(v.get("message").asText()).contains("1201 °C");
    }

    @Test
    void unreadableOrInvalidInputExitsTwoWithTheReasonAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path broken = write(dir, "broken.json", "{\"schemaVersion\": 1, \"steps\": [");
        Path noSteps = write(dir, "nosteps.json", "{\"schemaVersion\": 1, \"target\": {\"formula\": \"ZnO\"}}");
        Path safe = write(dir, "safe.json", SAFE.formatted(1150, "°C"));
        assertThat(run(broken.toString(), noSteps.toString(), safe.toString(), dir.resolve("missing.json").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("broken.json: not valid JSON").contains("nosteps.json").contains("steps")
                .contains("missing.json").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).contains("safe.json: APPROVED");
    }

    @Test
    void anUnreadableLabFileExitsTwo(@TempDir Path dir) throws Exception {
        Path safe = write(dir, "safe.json", SAFE.formatted(1150, "°C"));
        Path lab = write(dir, "lab.yaml", "instruments: []\n");
        assertThat(run("--lab", lab.toString(), safe.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("lab.yaml");
    }

    @Test
    void theAuditOptionAppendsOneLinePerDecision(@TempDir Path dir) throws Exception {
        Path safe = write(dir, "safe.json", SAFE.formatted(1150, "°C"));
        Path audit = dir.resolve("audit.jsonl");
        assertThat(run("--audit", audit.toString(), safe.toString(), safe.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(audit)).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"verdict\":\"approved\""));
    }
}
