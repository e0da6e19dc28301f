package org.athanor.instruments.analysis.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.instruments.analysis.xrd.PhaseIdentification;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.instruments.analysis.xrd.PhaseLibrary;
import org.athanor.instruments.formats.PatternReader;
import org.athanor.instruments.formats.XrdPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Identification time for one measured pattern (9001 points, 10–100° 2θ) against a 60-phase library: the 56
 * XRD-AutoAnalyzer references plus four experimental structures. The library is loaded and its reflections computed
 * once in setup, as a long-running agent would hold it. With {@code blank=true} the identifier also reads the
 * amorphous share against a blank (a flat one: only the time matters here).
 *
 * <p>Run: {@code ./bench instruments PhaseIdentificationBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PhaseIdentificationBenchmark {

    private static final String XRD = "/org/athanor/instruments/analysis/xrd/";

    @Param({"TiO2.xy", "MnO.xy"})
    public String pattern;

    @Param({"false", "true"})
    public boolean blank;

    private PhaseIdentifier identifier;
    private XrdPattern measured;

    @Setup
    public void setUp() {
        List<PhaseLibrary.Entry> entries = new ArrayList<>(PhaseLibrary.fromDirectory(resource("library-autoanalyzer")).entries());
        PhaseLibrary.fromDirectory(resource("library-synthetic")).entries().stream()
                .filter(e -> List.of("Al2O3_sg167_Corundum", "ZnO_sg186_ZincOxide", "CeO2_sg225_CeriumOxide", "Spinel").contains(e.id()))
                .forEach(entries::add);
        if (entries.size() != 60) {
            throw new IllegalStateException("benchmark library should hold 60 phases, has " + entries.size());
        }
        PhaseLibrary library = new PhaseLibrary(entries);
        library.phases("CuKa");
        identifier = new PhaseIdentifier(library);
        measured = PatternReader.read(resource("measured/" + pattern));
        if (blank) {
            double[] x = new double[13501];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = 5 + 0.01 * i;
                y[i] = 100;
            }
            identifier = identifier.withBlank(new XrdPattern(x, y, Map.of("countTime", "1", "radiation", "CuKa")));
            measured = new XrdPattern(measured.twoTheta(), measured.intensity(), Map.of("countTime", "1", "radiation", measured.radiation()));
        }
    }

    @Benchmark
    public PhaseIdentification identifyOnePattern() {
        return identifier.identify(measured);
    }

    private static Path resource(String name) {
        try {
            return Path.of(PhaseIdentificationBenchmark.class.getResource(XRD + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
