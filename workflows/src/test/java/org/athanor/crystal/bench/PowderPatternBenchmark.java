package org.athanor.crystal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.athanor.crystal.CifReader;
import org.athanor.crystal.CrystalStructure;
import org.athanor.crystal.InstrumentProfile;
import org.athanor.crystal.PatternProfile;
import org.athanor.crystal.PhaseContribution;
import org.athanor.crystal.PowderDiffraction;
import org.athanor.crystal.Radiation;
import org.athanor.crystal.Reflection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time for one pymatgen-style peak list (Cu Kα, 10–90° 2θ) and one full profile of a structure, from a read structure.
 * {@code workflows/scripts/crystal/time_pymatgen.py} times pymatgen's XRDCalculator on the same CIFs.
 *
 * <pre>./bench workflows PowderPatternBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PowderPatternBenchmark {

    /** LiFePO4 (28 atoms), garnet Li7La3Zr2O12 I41/acd (192 atoms), cubic garnet Ia-3d (256 partly occupied sites). */
    @Param({"pymatgen_test_files/LiFePO4.cif", "xrd_autoanalyzer_pdf_references/Li7La3Zr2O12_142.cif",
        "xrd_autoanalyzer_pdf_references/Li7La3Zr2O12_230.cif"})
    public String cif;

    private CrystalStructure structure;
    private double[] grid;
    private InstrumentProfile instrument;
    private double latticeScale = 1.0;

    @Setup
    public void read() throws IOException {
        try (InputStream in = CifReader.class.getResourceAsStream("library/" + cif)) {
            structure = CifReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), cif).get(0);
        }
        grid = PatternProfile.grid(10, 90, 0.02);
        instrument = InstrumentProfile.labDiffractometer();
    }

    @Benchmark
    public List<Reflection> peakList() {
        return PowderDiffraction.peaks(structure, Radiation.CU_KA, 10, 90);
    }

    /** A full 4001-point Kα1/Kα2 profile at a new lattice scale each call (reflections cached per structure). */
    @Benchmark
    public double[] profileAtNewLatticeScale() {
        latticeScale = latticeScale > 1.02 ? 0.98 : latticeScale + 0.0001;
        return PatternProfile.phaseProfile(new PhaseContribution(structure, 1.0, 50, latticeScale), instrument, grid);
    }
}
