package org.athanor.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.athanor.crystal.CifException;
import org.athanor.crystal.CifReader;
import org.athanor.crystal.CountingNoise;
import org.athanor.crystal.CrystalStructure;
import org.athanor.crystal.InstrumentProfile;
import org.athanor.crystal.PatternProfile;
import org.athanor.crystal.PeakListCsv;
import org.athanor.crystal.PhaseContribution;
import org.athanor.crystal.PoscarReader;
import org.athanor.crystal.PowderDiffraction;
import org.athanor.crystal.Radiation;
import org.athanor.crystal.Reflection;
import org.athanor.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code athanor xrd simulate}: powder patterns from structure files. With {@code --peaks}, a peak list per file in the
 * format of the project's pymatgen references; otherwise a full Cu Kα1/Kα2 profile as two columns.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Compute powder XRD patterns from CIF (or POSCAR) files.",
            "--peaks writes DIR/<stem>.peaks.csv (two_theta_deg,intensity,d_spacing_A,hkl; intensity scaled to 100 in range);",
            "otherwise DIR/<stem>.xy, a profile of a typical lab diffractometer (pseudo-Voigt, Caglioti widths)."})
public class XrdSimulateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--peaks", description = "Write peak lists instead of profiles.")
    boolean peaks;

    @Option(names = "--radiation", defaultValue = "CuKa",
            description = "CuKa (peak list at 1.54184 Å, profile as Kα1+Kα2) or CuKa1. Default: ${DEFAULT-VALUE}.")
    String radiation;

    @Option(names = "--two-theta", defaultValue = "10:90", description = "2θ range MIN:MAX in degrees. Default: ${DEFAULT-VALUE}.")
    String twoTheta;

    @Option(names = "--step", defaultValue = "0.02", description = "Profile step, degrees 2θ. Default: ${DEFAULT-VALUE}.")
    double step;

    @Option(names = "--size", description = "Crystallite size for Scherrer broadening of profiles, nm (default: none).")
    Double sizeNm;

    @Option(names = "--debye-waller", description = "Apply Debye–Waller factors from the CIF's displacement parameters to peak lists.")
    boolean debyeWaller;

    @Option(names = "--counts", description = "Scale profiles to this many counts at the strongest point and add Poisson noise.")
    Double counts;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the counting noise. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory (created if missing).")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CIF files (or VASP POSCARs).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Radiation source;
        double min;
        double max;
        try {
            source = Radiation.parse(radiation);
            String[] range = twoTheta.split(":");
            if (range.length != 2) {
                throw new IllegalArgumentException("--two-theta must be MIN:MAX, got '" + twoTheta + "'");
            }
            min = Double.parseDouble(range[0]);
            max = Double.parseDouble(range[1]);
            if (!(min >= 0 && max > min && max < 180)) {
                throw new IllegalArgumentException("--two-theta needs 0 ≤ MIN < MAX < 180, got '" + twoTheta + "'");
            }
            if (!(step > 0 && step < (max - min))) {
                throw new IllegalArgumentException("--step must be positive and smaller than the range");
            }
        } catch (NumberFormatException e) {
            err.println("athanor xrd simulate: --two-theta must be two numbers MIN:MAX, got '" + twoTheta + "'");
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("athanor xrd simulate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<CrystalStructure> structures = new ArrayList<>();
        for (Path file : files) {
            try {
                structures.add(isPoscar(file) ? PoscarReader.read(file) : CifReader.read(file).get(0));
            } catch (CifException e) {
                err.println("athanor xrd simulate: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IllegalArgumentException e) {
                err.println("athanor xrd simulate: " + file + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        try {
            Files.createDirectories(out);
            for (int i = 0; i < files.size(); i++) {
                String stem = stem(files.get(i));
                if (peaks) {
                    List<Reflection> list = PowderDiffraction.peaks(structures.get(i), source, min, max, debyeWaller);
                    writeAtomically(out.resolve(stem + ".peaks.csv"), PeakListCsv.write(list));
                } else {
                    writeAtomically(out.resolve(stem + ".xy"), profile(structures.get(i), source, min, max));
                }
            }
        } catch (IOException e) {
            err.println("athanor xrd simulate: cannot write to " + out + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("athanor xrd simulate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        spec.commandLine().getOut().println("wrote " + files.size() + (peaks ? " peak list(s)" : " profile(s)") + " to " + out);
        return ExitCodes.OK;
    }

    private static boolean isPoscar(Path file) {
        String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
        return name.contains("POSCAR") || name.contains("CONTCAR") || name.endsWith(".VASP");
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private String profile(CrystalStructure structure, Radiation source, double min, double max) {
        InstrumentProfile lab = InstrumentProfile.labDiffractometer();
        InstrumentProfile instrument = new InstrumentProfile(source, lab.u(), lab.v(), lab.w(), lab.eta(), 0);
        double[] grid = PatternProfile.grid(min, max, step);
        double size = sizeNm == null ? Double.POSITIVE_INFINITY : sizeNm;
        double[] y = PatternProfile.phaseProfile(new PhaseContribution(structure, 1, size, 1), instrument, grid);
        double top = java.util.Arrays.stream(y).max().orElse(0);
        double scale = top > 0 ? (counts != null ? counts : 100) / top : 0;
        for (int i = 0; i < y.length; i++) {
            y[i] *= scale;
        }
        if (counts != null) {
            y = new CountingNoise(seed).apply(y);
        }
        StringBuilder xy = new StringBuilder();
        xy.append("# ").append(structure.name()).append(", ").append(source.name())
                .append(counts != null ? ", counts with Poisson noise (seed " + seed + ")" : ", intensity scaled to 100")
                .append('\n');
        for (int i = 0; i < grid.length; i++) {
            xy.append(String.format(Locale.ROOT, "%.4f %.4f%n", grid[i], y[i]));
        }
        return xy.toString();
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.writeString(target, text);
    }
}
