package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class XrdSimulateCommandTest {

    private static final String NACL = "data_nacl\n_cell_length_a 5.64\n_cell_length_b 5.64\n_cell_length_c 5.64\n"
            + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n"
            + "_symmetry_space_group_name_H-M 'F m -3 m'\nloop_\n_atom_site_label\n_atom_site_type_symbol\n"
            + "_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nNa1 Na+ 0 0 0\nCl1 Cl- 0.5 0.5 0.5\n";

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new XrdSimulateCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void writesAPeakListInTheReferenceFormat(@TempDir Path dir) throws Exception {
        Path cif = Files.writeString(dir.resolve("NaCl.cif"), NACL);

        Run run = run("--peaks", "--radiation", "CuKa", "--two-theta", "10:90", "--out", dir.resolve("out").toString(),
                cif.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(dir.resolve("out/NaCl.peaks.csv"));
        assertThat(lines.get(0)).isEqualTo("two_theta_deg,intensity,d_spacing_A,hkl");
        // rock salt: 111 weak, 200 strongest (d = a/2 = 2.82 Å → 2θ = 2·asin(1.54184/5.64) = 31.73°)
        assertThat(lines.get(1)).startsWith("27.3").endsWith(",3.25626,111");
        assertThat(lines.get(2)).startsWith("31.73").contains(",100.000,2.82000,200");
    }

    @Test
    void writesAProfileWithoutPeaks(@TempDir Path dir) throws Exception {
        Path cif = Files.writeString(dir.resolve("NaCl.cif"), NACL);

        Run run = run("--radiation", "CuKa1", "--two-theta", "20:40", "--out", dir.toString(), cif.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(dir.resolve("NaCl.xy"));
        assertThat(lines).hasSize(1 + 1001);
        double max = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).max().orElseThrow();
        assertThat(max).isEqualTo(100.0);
    }

    @Test
    void aBadCifExitsTwoNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path cif = Files.writeString(dir.resolve("broken.cif"), NACL.replace("_cell_length_b 5.64", "_cell_length_b 5,64"));

        Run run = run("--peaks", "--out", dir.toString(), cif.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("broken.cif:3").contains("'5,64' is not a number");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aBadRangeExitsTwo(@TempDir Path dir) throws Exception {
        Path cif = Files.writeString(dir.resolve("NaCl.cif"), NACL);

        Run run = run("--peaks", "--two-theta", "90:10", "--out", dir.toString(), cif.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--two-theta");
    }
}
