package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OptimizeBenchmarkCommandTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int run(String... args) {
        return new CommandLine(new OptimizeBenchmarkCommand()).execute(args);
    }

    @Test
    void printsOneCountPerRepeatAsJson() throws Exception {
        Path csv = dir.resolve("history.csv");
        StringBuilder b = new StringBuilder("temperature,gas,fraction\n");
        for (int t = 800; t <= 1300; t += 50) {
            for (String gas : new String[] {"air", "Ar"}) {
                double f = (gas.equals("air") ? 1 : 0.8) * Math.exp(-Math.pow((t - 1100) / 150.0, 2));
                b.append(t).append(',').append(gas).append(',').append(f).append('\n');
            }
        }
        Files.writeString(csv, b.toString());

        int code = run("--pool", csv.toString(), "--params", "temperature,gas", "--objective", "fraction", "--maximize",
                "--strategy", "random", "--repeats", "4", "--seed", "3", "--json");

        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(console.out());
        assertThat(json.get("strategy").asText()).isEqualTo("random");
        assertThat(json.get("candidates").asInt()).isEqualTo(22);
        assertThat(json.get("experimentsToBest")).hasSize(4);
        assertThat(json.get("experimentsToTop5pct")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(json.get("experimentsToTop5pct").get(i).asInt()).isBetween(1, json.get("experimentsToBest").get(i).asInt());
        }
    }

    @Test
    void refusesContradictoryGoalsAndUnknownStrategies() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n2,3\n");

        assertThat(run("--pool", csv.toString(), "--maximize", "--minimize")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--pool", csv.toString(), "--maximize", "--strategy", "annealing")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("not both").contains("unknown --strategy 'annealing'");
    }

    @Test
    void reportsABadTableWithoutAStackTrace() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\n2\n");

        assertThat(run("--pool", csv.toString(), "--maximize")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("bad.csv: line 3").doesNotContain("Exception");
    }

    @Test
    void reportsEachMalformedTableInOneLineWithExitCodeTwo() throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("a,b,y\n", "no data rows");
        tables.put("y\n1\n2\n3\n", "no parameter columns");
        tables.put("a,b,y\n1,NaN,1\n2,3,2\n", "line 2: column 'b' is not a finite number: 'NaN'");
        for (String y : List.of("NaN", "Infinity", "-Infinity")) {
            tables.put("a,b,y\n1,2,1\n2,3," + y + "\n3,4,2\n4,5,3\n5,6,4\n6,7,5\n", "line 3: objective 'y' is not a finite number");
        }
        int n = 0;
        for (Map.Entry<String, String> t : tables.entrySet()) {
            Path csv = Files.writeString(dir.resolve("t" + n++ + ".csv"), t.getKey());
            for (String strategy : List.of("bo", "random", "grid")) {
                console.reset();

                assertThat(run("--pool", csv.toString(), "--maximize", "--strategy", strategy, "--repeats", "1")).isEqualTo(ExitCodes.USAGE);
                String message = console.err();
                assertThat(message).contains(csv.getFileName() + ": " + t.getValue()).doesNotContain("Exception");
                assertThat(message.lines()).hasSize(1);
            }
        }
    }

    @Test
    void turnsAnUnexpectedFailureIntoOneLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n2,3\n");
        OptimizeBenchmarkCommand failing = new OptimizeBenchmarkCommand() {
            @Override
            int benchmark() {
                throw new ArrayIndexOutOfBoundsException("Index -1 out of bounds for length 0");
            }
        };

        int code = new CommandLine(failing).execute("--pool", csv.toString(), "--maximize");

        assertThat(code).isEqualTo(ExitCodes.REJECTED);
        assertThat(console.err().lines()).containsExactly(
                "athanor optimize benchmark: " + csv + ": the benchmark failed: ArrayIndexOutOfBoundsException: Index -1 out of bounds for length 0");
    }

    @Test
    void refusesTheObjectiveAsAParameterRatherThanLeakTheAnswer() throws Exception {
        Path csv = Files.writeString(dir.resolve("agnp.csv"), "QAgNO3(%),Qpva(%),loss\n13.1,33.0,0.58\n20.2,10.5,0.21\n5.0,40.0,0.90\n");

        assertThat(run("--pool", csv.toString(), "--params", "QAgNO3(%),loss", "--objective", "loss", "--minimize")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("agnp.csv: objective 'loss' cannot also be a parameter");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void refusesDuplicateColumnsStrayTextCellsAndAMissingHeader() throws Exception {
        Map<String, String> tables = Map.of(
                "a,a,y\n1,2,1\n2,3,2\n", "column 'a' is named twice",
                "a,b,y\n1,2,1\n2,x,2\n3,4,3\n4,5,4\n", "line 3: column 'b' is not a number: 'x'",
                "1,2,3\n4,5,6\n7,8,9\n", "line 1 is all numbers ('1,2,3'): the file seems to lack a header row");
        for (Map.Entry<String, String> t : tables.entrySet()) {
            Path csv = Files.writeString(dir.resolve("t.csv"), t.getKey());
            console.reset();

            assertThat(run("--pool", csv.toString(), "--maximize")).isEqualTo(ExitCodes.USAGE);
            assertThat(console.err()).contains("t.csv: " + t.getValue());
        }
        assertThat(console.out()).isEmpty();
    }

    @Test
    void helpPrintsTheTopFivePercentWithoutAPicocliWarning() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);

        assertThat(console.out()).contains("(and the top 5 %)");
        assertThat(console.err()).doesNotContain("picocli WARN");
    }
}
