package org.athanor.instruments.analysis.xrd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.athanor.crystal.CifException;
import org.athanor.crystal.CifReader;
import org.athanor.crystal.CrystalStructure;
import org.athanor.crystal.InstrumentProfile;
import org.athanor.crystal.Lattice;
import org.athanor.crystal.PatternProfile;
import org.athanor.crystal.PhaseContribution;
import org.athanor.crystal.PowderDiffraction;
import org.athanor.crystal.Radiation;
import org.athanor.crystal.Reflection;

/**
 * Reference structures for phase identification, read once from CIFs, with their reflections computed once per
 * radiation and kept. Profiles come from the crystal module's {@link PatternProfile}, the one place a pattern is
 * computed (the simulators use it too).
 */
public final class PhaseLibrary {

    /** Reflections are listed down to the d-spacing that 2θ = 150° reaches, so strained cells stay covered. */
    private static final double MAX_TWO_THETA = 150;

    /** A library entry: the id (CIF file stem) and its structure. */
    public record Entry(String id, CrystalStructure structure) {
    }

    private final List<Entry> entries;
    private final Map<String, List<LibraryPhase>> byRadiation = new ConcurrentHashMap<>();

    public PhaseLibrary(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the phase library is empty");
        }
        this.entries = List.copyOf(entries);
    }

    /**
     * Every {@code *.cif} in a directory (not its subdirectories), id = file stem, first structure of each file.
     *
     * @throws IllegalArgumentException naming the file (and line) when a CIF cannot be read, or the directory is
     *                                  missing or holds no CIF
     */
    public static PhaseLibrary fromDirectory(Path directory) {
        return fromDirectory(directory, null);
    }

    /**
     * As {@link #fromDirectory(Path)}, but a CIF that cannot be read is left out and its problem given to
     * {@code skipped} (file and line), so one bad file of a large library does not stop the rest. Still throws when
     * no CIF can be read. {@code skipped} null: the first unreadable CIF throws.
     */
    public static PhaseLibrary fromDirectory(Path directory, java.util.function.Consumer<String> skipped) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("phase library " + directory + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".cif"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list phase library " + directory + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("phase library " + directory + " holds no .cif file");
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.add(new Entry(stem(file.getFileName().toString()), first(CifReaderCall.read(file), file.toString())));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                if (skipped == null) {
                    throw e;
                }
                skipped.accept(e.getMessage());
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("phase library " + directory + ": none of its " + files.size() + " .cif files could be read");
        }
        return new PhaseLibrary(entries);
    }

    /** CIFs on the classpath: {@code folder/<name>.cif} for each name, resolved against {@code anchor}. */
    public static PhaseLibrary fromResources(Class<?> anchor, String folder, List<String> names) {
        List<Entry> entries = new ArrayList<>();
        for (String name : names) {
            String resource = folder + "/" + name + ".cif";
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no CIF resource " + resource);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                entries.add(new Entry(name, first(CifReaderCall.read(text, resource), resource)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PhaseLibrary(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The library as identification sees it for one radiation ("CuKa", "CuKa1" or a wavelength in Å); cached. */
    public List<LibraryPhase> phases(String radiation) {
        return byRadiation.computeIfAbsent(radiation, r -> build(Radiation.parse(r)));
    }

    private List<LibraryPhase> build(Radiation radiation) {
        InstrumentProfile lab = InstrumentProfile.labDiffractometer();
        InstrumentProfile instrument = new InstrumentProfile(radiation, lab.u(), lab.v(), lab.w(), lab.eta(), 0);
        double maxTwoTheta = Math.min(MAX_TWO_THETA, 179);
        List<LibraryPhase> phases = new ArrayList<>();
        for (Entry entry : entries) {
            CrystalStructure structure = entry.structure();
            List<Reflection> reflections = PowderDiffraction.peaks(structure, radiation, 1, maxTwoTheta);
            double[] d = reflections.stream().mapToDouble(Reflection::dSpacing).toArray();
            double[] intensity = reflections.stream().mapToDouble(Reflection::intensity).toArray();
            int[][] hkl = reflections.stream().map(r -> millerIndices(r.families().get(0).indices())).toArray(int[][]::new);
            AxisStretch deformation = new AxisStretch(structure, hkl, instrument);
            phases.add(new LibraryPhase(entry.id(), structure.reducedFormula(), d, intensity, deformation.profile(1, 1, 1),
                    deformation, new double[] {1, 1, 1}));
        }
        return List.copyOf(phases);
    }

    /** Three Miller indices from pymatgen-style labels (Miller–Bravais h, k, i, l drops i). */
    private static int[] millerIndices(int[] indices) {
        return indices.length == 4 ? new int[] {indices[0], indices[1], indices[3]} : indices.clone();
    }

    /** Per-axis stretches of a structure: d-spacings from the reciprocal metric, profiles from the calculator. */
    private static final class AxisStretch implements CellDeformation {
        /** Axes whose lengths agree within this fraction are tied (stretch together). */
        private static final double EQUAL_LENGTH = 1e-3;

        private final CrystalStructure structure;
        private final int[][] hkl;
        private final double[] gs;
        private final InstrumentProfile instrument;
        private final Ties ties;
        private final int uniqueAxis;

        AxisStretch(CrystalStructure structure, int[][] hkl, InstrumentProfile instrument) {
            this.structure = structure;
            this.hkl = hkl;
            this.gs = structure.lattice().reciprocalMetricTensor();
            this.instrument = instrument;
            Lattice l = structure.lattice();
            boolean ab = same(l.a(), l.b());
            boolean ac = same(l.a(), l.c());
            boolean bc = same(l.b(), l.c());
            if (ab && ac) {
                ties = Ties.ISOTROPIC;
                uniqueAxis = -1;
            } else if (ab || ac || bc) {
                ties = Ties.UNIAXIAL;
                uniqueAxis = ab ? 2 : ac ? 1 : 0;
            } else {
                ties = Ties.NONE;
                uniqueAxis = -1;
            }
        }

        private static boolean same(double x, double y) {
            return Math.abs(x - y) <= EQUAL_LENGTH * Math.max(x, y);
        }

        @Override
        public Ties ties() {
            return ties;
        }

        @Override
        public int uniqueAxis() {
            return uniqueAxis;
        }

        @Override
        public double[] dSpacings(double sa, double sb, double sc) {
            double[] d = new double[hkl.length];
            for (int i = 0; i < hkl.length; i++) {
                d[i] = dSpacing(i, sa, sb, sc);
            }
            return d;
        }

        @Override
        public double dSpacing(int line, double sa, double sb, double sc) {
            double h = hkl[line][0] / sa;
            double k = hkl[line][1] / sb;
            double l = hkl[line][2] / sc;
            double inv = h * h * gs[0] + k * k * gs[4] + l * l * gs[8] + 2 * (h * k * gs[1] + h * l * gs[2] + k * l * gs[5]);
            return 1 / Math.sqrt(inv);
        }

        @Override
        public PhaseProfile profile(double sa, double sb, double sc) {
            Lattice l = structure.lattice();
            CrystalStructure stretched = sa == 1 && sb == 1 && sc == 1 ? structure
                    : new CrystalStructure(structure.name(), new Lattice(l.a() * sa, l.b() * sb, l.c() * sc, l.alpha(), l.beta(), l.gamma()),
                    structure.spaceGroup(), structure.asymmetricSites(), structure.unitCell());
            return (grid, strain, zero, size) -> PatternProfile.phaseProfile(
                    new PhaseContribution(stretched, 1.0, size, 1 + strain), instrument.withZeroShift(zero), grid);
        }
    }

    private static CrystalStructure first(List<CrystalStructure> structures, String source) {
        if (structures.isEmpty()) {
            throw new IllegalArgumentException(source + ": no crystal structure in the file");
        }
        return structures.get(0);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** CIF reading with the crystal module's errors turned into ones that name the file, line and reason. */
    private static final class CifReaderCall {
        static List<CrystalStructure> read(Path file) {
            try {
                return CifReader.read(file);
            } catch (CifException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        static List<CrystalStructure> read(String text, String source) {
            try {
                return CifReader.read(text, source);
            } catch (CifException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
