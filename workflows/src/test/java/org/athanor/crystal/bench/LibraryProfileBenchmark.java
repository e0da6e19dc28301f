package org.athanor.crystal.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.athanor.crystal.CrystalLibrary;
import org.athanor.crystal.CrystalStructure;
import org.athanor.crystal.InstrumentProfile;
import org.athanor.crystal.PatternProfile;
import org.athanor.crystal.PhaseContribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What whole-pattern phase identification costs: one profile (10–90°, 0.02° steps, Kα1/Kα2) for each of 60 library
 * phases at a new lattice scale — one pass of a fit over a 60-phase library. {@code coldLibrary} includes reading the
 * structure factors of all 60 (first use of each structure).
 *
 * <pre>./bench workflows LibraryProfileBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LibraryProfileBenchmark {

    private List<CrystalStructure> library;
    private double[] grid;
    private InstrumentProfile instrument;
    private double scale = 0.99;

    @Setup(Level.Trial)
    public void load() {
        library = CrystalLibrary.files().stream().filter(f -> f.endsWith(".cif")).limit(60)
                .map(CrystalLibrary::load).toList();
        grid = PatternProfile.grid(10, 90, 0.02);
        instrument = InstrumentProfile.labDiffractometer();
    }

    @Benchmark
    public double sixtyPhaseProfilesAtNewLatticeScales() {
        scale = scale > 1.01 ? 0.99 : scale + 0.0007;
        double sum = 0;
        for (CrystalStructure s : library) {
            double[] y = PatternProfile.phaseProfile(new PhaseContribution(s, 1.0, 40, scale), instrument, grid);
            sum += y[y.length / 2];
        }
        return sum;
    }
}
