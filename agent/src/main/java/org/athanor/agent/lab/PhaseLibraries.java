package org.athanor.agent.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.crystal.CifReader;
import org.athanor.crystal.CrystalStructure;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.instruments.analysis.xrd.PhaseLibrary;
import org.athanor.instruments.formats.XrdPattern;

/** The XRD phase libraries the agent identifies phases against, from the project's crystal library. */
public final class PhaseLibraries {

    private static final String LIBRARY = "/org/athanor/crystal/library/";

    /**
     * Phases a solid-state lab commonly meets but the default lab's chemistries do not make: they stay in the library
     * so that identification has to tell them apart (a library of only the expected answers would prove nothing).
     */
    private static final List<String> DISTRACTORS = List.of(
            "dans_diffraction/SrTiO3.cif",
            "ncrystal_converted/TiO2_sg141_Anatase.cif",
            "ncrystal_converted/CeO2_sg225_CeriumOxide.cif",
            "ncrystal_converted/Y2O3_sg206_Yttrium_Oxide.cif",
            "ncrystal_converted/SiO2-alpha_sg154_AlphaQuartz.cif",
            "ncrystal_converted/NaCl_sg225_SodiumChloride.cif",
            "ncrystal_converted/Cu2O_sg224_Cuprite.cif",
            "ncrystal_converted/CaCO3_sg62_Aragonite.cif",
            "ncrystal_converted/Li2O_sg225_LithiumOxide.cif",
            "amcsd_via_mineral-lib-jekyll/Forsterite.cif",
            "amcsd_via_mineral-lib-jekyll/Magnetite.cif",
            "amcsd_via_mineral-lib-jekyll/Ilmenite.cif",
            "dans_diffraction/LiCoO2.cif",
            "dans_diffraction/KCl.cif");

    private PhaseLibraries() {
    }

    /**
     * The simulated diffractometer's blank (empty holder, 10 s per point), measured once as a lab does; it lets the
     * identifier tell a sample's amorphous hump from the air and holder scatter.
     */
    private static final String BLANK = "/org/athanor/agent/lab/xrd-1-blank.xy";
    private static final double BLANK_COUNT_TIME_S = 10;

    /** The phases the simulated lab's chemistries can produce, plus the distractors; amorphous content against xrd-1's blank. */
    public static PhaseIdentifier forSimulatedLab() {
        Set<String> files = new LinkedHashSet<>(org.athanor.simulators.xrd.PhaseLibrary.FILES.values());
        files.addAll(DISTRACTORS);
        List<PhaseLibrary.Entry> entries = new ArrayList<>();
        for (String file : files) {
            entries.add(new PhaseLibrary.Entry(stem(file), read(file)));
        }
        return new PhaseIdentifier(new PhaseLibrary(entries)).withBlank(blank());
    }

    private static XrdPattern blank() {
        try (InputStream in = PhaseLibraries.class.getResourceAsStream(BLANK)) {
            if (in == null) {
                throw new IllegalStateException("the agent lacks the simulated diffractometer's blank " + BLANK);
            }
            List<double[]> points = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    String[] f = t.split("\\s+");
                    points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
                }
            }
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            return new XrdPattern(x, y, Map.of("radiation", "CuKa", "countTime", Double.toString(BLANK_COUNT_TIME_S)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BLANK, e);
        }
    }

    private static CrystalStructure read(String file) {
        String resource = LIBRARY + file;
        try (InputStream in = PhaseLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the crystal library lacks " + resource);
            }
            return CifReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String stem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".cif") ? name.substring(0, name.length() - 4) : name;
    }
}
