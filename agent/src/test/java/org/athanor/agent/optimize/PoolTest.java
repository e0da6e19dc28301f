package org.athanor.agent.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolTest {

    @TempDir
    Path dir;

    static Path resource(String path) throws Exception {
        return Path.of(PoolTest.class.getResource("/optimizer/" + path).toURI());
    }

    @Test
    void averagesRepeatedSettingsAndTreatsTextColumnsAsCategorical() throws Exception {
        Path csv = dir.resolve("history.csv");
        Files.writeString(csv, "temperature,gas,fraction\n900,air,0.5\n900,air,0.7\n950,Ar,0.9\n900,Ar,0.2\n");
        Pool pool = Pool.load(csv, List.of("temperature", "gas"), "fraction", true);

        assertThat(pool.candidates()).containsExactly(Map.of("temperature", 900.0, "gas", "air"),
                Map.of("temperature", 950.0, "gas", "Ar"), Map.of("temperature", 900.0, "gas", "Ar"));
        assertThat(pool.values()[0]).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(pool.space().parameters().get(1)).isEqualTo(new Parameter.Categorical("gas", List.of("Ar", "air")));
        assertThat(pool.randomExpectationToBest()).isEqualTo(2.0);
    }

    @Test
    void aSemicolonTableWithDecimalCommasAndATabTableReadAsTheCommaTableDoes() throws Exception {
        Path comma = dir.resolve("comma.csv");
        Files.writeString(comma, "temperature,gas,fraction\n900.5,air,0.5\n950,\"Ar, dry\",0.75\n");
        Path semicolon = dir.resolve("semicolon.csv");
        Files.writeString(semicolon, "temperature;gas;fraction\n900,5;air;0,5\n950;Ar, dry;0,75\n");
        Path tab = dir.resolve("tab.tsv");
        Files.writeString(tab, "temperature\tgas\tfraction\n900.5\tair\t0.5\n950\tAr, dry\t0.75\n");
        Pool expected = Pool.load(comma, List.of("temperature", "gas"), "fraction", true);

        for (Path other : List.of(semicolon, tab)) {
            Pool pool = Pool.load(other, List.of("temperature", "gas"), "fraction", true);
            assertThat(pool.candidates()).as(other.toString()).isEqualTo(expected.candidates());
            assertThat(pool.values()).as(other.toString()).containsExactly(expected.values());
        }
    }

    @Test
    void minimisingNegatesTheObjective() throws Exception {
        Path csv = dir.resolve("loss.csv");
        Files.writeString(csv, "a,loss\n1,0.3\n2,0.1\n");
        Pool pool = Pool.load(csv, null, "loss", false);

        assertThat(pool.best()).isEqualTo(-0.1);
        assertThat(pool.params()).containsExactly("a");
    }

    @Test
    void readsTheOlympusLayoutWithItsConfig() throws Exception {
        Pool pool = Pool.load(resource("olympus/suzuki/data.csv"), null, null, null);

        assertThat(pool.params()).containsExactly("temperature", "pd_mol", "arbpin", "k3po4");
        assertThat(pool.objective()).isEqualTo("yield");
        assertThat(pool.maximize()).isTrue();
        assertThat(pool.candidates()).hasSizeLessThanOrEqualTo(247).hasSizeGreaterThan(100);
    }

    @Test
    void namesTheFileAndLineOfABadRow() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,y\n1,2\n3\n");

        assertThatThrownBy(() -> Pool.load(csv, null, "y", true)).hasMessageContaining("bad.csv: line 3 has 1 fields, expected 2");
        assertThatThrownBy(() -> Pool.load(csv, List.of("b"), "y", true)).hasMessageContaining("no column 'b'");
    }

    @Test
    void refusesATableWithOnlyAHeader() throws Exception {
        Path csv = Files.writeString(dir.resolve("empty.csv"), "a,b,y\n\n");

        assertThatThrownBy(() -> Pool.load(csv, null, "y", true)).hasMessageContaining("empty.csv: no data rows, only the header");
    }

    @Test
    void refusesATableWithNoParameterColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("y.csv"), "y\n1\n2\n3\n");

        assertThatThrownBy(() -> Pool.load(csv, null, null, true))
                .hasMessageContaining("y.csv: no parameter columns, only the objective 'y'");
    }

    @Test
    void refusesAnObjectiveThatIsNotFiniteNamingItsLine() throws Exception {
        for (String y : List.of("NaN", "Infinity", "-Infinity")) {
            Path csv = Files.writeString(dir.resolve("y.csv"), "a,b,y\n1,2,3\n\n2,3," + y + "\n3,4,5\n");

            assertThatThrownBy(() -> Pool.load(csv, null, "y", true))
                    .hasMessageContaining("y.csv: line 4: objective 'y' is not a finite number: '" + y + "'");
        }
    }

    @Test
    void refusesAParameterThatIsNotFiniteNamingItsLineAndColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "a,b,y\n1,NaN,1\n2,3,2\n3,4,3\n");

        assertThatThrownBy(() -> Pool.load(csv, null, "y", true)).hasMessageContaining("p.csv: line 2: column 'b' is not a finite number: 'NaN'");
    }

    @Test
    void refusesTheObjectiveAsAParameter() throws Exception {
        Path csv = Files.writeString(dir.resolve("loss.csv"), "a,loss\n1,0.3\n2,0.1\n");

        assertThatThrownBy(() -> Pool.load(csv, List.of("a", "loss"), "loss", false))
                .hasMessageContaining("loss.csv: objective 'loss' cannot also be a parameter");
    }

    @Test
    void refusesAColumnNamedTwice() throws Exception {
        Path csv = Files.writeString(dir.resolve("dup.csv"), "a,a,y\n1,2,1\n2,3,2\n");

        assertThatThrownBy(() -> Pool.load(csv, null, "y", true)).hasMessageContaining("dup.csv: column 'a' is named twice (columns 1 and 2)");
    }

    @Test
    void refusesAParameterGivenTwice() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "a,b,y\n1,2,1\n2,3,2\n");

        assertThatThrownBy(() -> Pool.load(csv, List.of("a", "b", "a"), "y", true)).hasMessageContaining("p.csv: parameter 'a' is given twice");
    }

    @Test
    void namesTheLineAndColumnOfAStrayTextCellInANumericColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("stray.csv"), "a,b,y\n1,2,1\n2,x,2\n3,4,3\n4,5,4\n");

        assertThatThrownBy(() -> Pool.load(csv, null, "y", true)).hasMessageContaining("stray.csv: line 3: column 'b' is not a number: 'x'");
    }

    @Test
    void aColumnOfMostlyTextIsCategoricalEvenWithANumberAmongItsLevels() throws Exception {
        Path csv = Files.writeString(dir.resolve("gas.csv"), "gas,y\nair,1\nAr,2\nN2,3\n5,4\n");

        Pool pool = Pool.load(csv, null, "y", true);

        assertThat(pool.space().parameters()).containsExactly(new Parameter.Categorical("gas", List.of("5", "Ar", "N2", "air")));
    }

    @Test
    void saysATableWhoseFirstLineIsAllNumbersSeemsToLackAHeader() throws Exception {
        Path csv = Files.writeString(dir.resolve("data.csv"), "1,2,3\n4,5,6\n7,8,9\n");

        assertThatThrownBy(() -> Pool.load(csv, null, null, true))
                .hasMessageContaining("data.csv: line 1 is all numbers ('1,2,3'): the file seems to lack a header row");
    }
}
