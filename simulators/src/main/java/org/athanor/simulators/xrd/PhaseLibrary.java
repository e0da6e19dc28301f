package org.athanor.simulators.xrd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.crystal.CifReader;
import org.athanor.crystal.CrystalStructure;
import org.athanor.crystal.InstrumentProfile;
import org.athanor.crystal.PatternProfile;
import org.athanor.crystal.PhaseContribution;

/**
 * The crystal structures the simulated world shows to its diffractometer: phase id → CIF in the project's crystal
 * library ({@code org/athanor/crystal/library/}, sources and licences in its README files), so the simulator and the
 * phase analysis use the same structures. Phases of the world without a structure here (BaTiO3-hexagonal, Ba2TiO4,
 * FeC2O4, NH4H2PO4, Li3Fe2(PO4)3, Fe2P2O7, Fe3(PO4)2, Li3PO4, SrCO3) scatter as X-ray amorphous.
 */
public final class PhaseLibrary {

    static final String LIBRARY = "/org/athanor/crystal/library/";

    /** Phase id of the world → library file. */
    public static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("BaTiO3", "constructed_from_published_parameters/BaTiO3_tetragonal_P4mm.cif"),
            Map.entry("BaCO3", "constructed_from_published_parameters/BaCO3_witherite_Pnma.cif"),
            Map.entry("TiO2", "ncrystal_converted/TiO2_sg136_Rutile.cif"),
            Map.entry("MgO", "ncrystal_converted/MgO_sg225_Periclase.cif"),
            Map.entry("Al2O3", "ncrystal_converted/Al2O3_sg167_Corundum.cif"),
            Map.entry("MgAl2O4", "amcsd_via_mineral-lib-jekyll/Spinel.cif"),
            Map.entry("ZnO", "ncrystal_converted/ZnO_sg186_ZincOxide.cif"),
            Map.entry("ZnAl2O4", "constructed_from_published_parameters/ZnAl2O4_gahnite_Fd-3m.cif"),
            Map.entry("LiFePO4", "pymatgen_test_files/LiFePO4.cif"),
            Map.entry("Fe2O3", "constructed_from_published_parameters/Fe2O3_hematite_Blake1966.cif"),
            Map.entry("Li2CO3", "xrd_autoanalyzer_pdf_references/Li2CO3_15.cif"),
            Map.entry("CaCO3", "amcsd_via_mineral-lib-jekyll/Calcite.cif"),
            Map.entry("CaTiO3", "amcsd_via_mineral-lib-jekyll/Perovskite.cif"),
            Map.entry("Li2TiO3", "xrd_autoanalyzer_references/Li2TiO3_15.cif"),
            Map.entry("LiMn2O4", "xrd_autoanalyzer_references/LiMn2O4_227.cif"),
            Map.entry("MnO2", "xrd_autoanalyzer_references/MnO2_136.cif"),
            Map.entry("Mn2O3", "xrd_autoanalyzer_references/Mn2O3_206.cif"),
            Map.entry("Mn3O4", "xrd_autoanalyzer_references/Mn3O4_141.cif"),
            Map.entry("LiMnO2", "xrd_autoanalyzer_references/LiMnO2_59.cif"),
            Map.entry("ZrO2", "xrd_autoanalyzer_pdf_references/ZrO2_14.cif"),
            Map.entry("La2O3", "xrd_autoanalyzer_pdf_references/La2O3_164.cif"));

    private final Map<String, CrystalStructure> structures;

    private PhaseLibrary(Map<String, CrystalStructure> structures) {
        this.structures = structures;
    }

    /** Reads every structure once (a malformed or missing file is a packaging error, reported with its name). */
    public static PhaseLibrary load() {
        Map<String, CrystalStructure> structures = new LinkedHashMap<>();
        FILES.forEach((phase, file) -> structures.put(phase, read(file)));
        return new PhaseLibrary(structures);
    }

    private static CrystalStructure read(String file) {
        try (InputStream in = PhaseLibrary.class.getResourceAsStream(LIBRARY + file)) {
            if (in == null) {
                throw new IllegalStateException("crystal library file " + file + " is missing from the classpath");
            }
            return CifReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, CrystalStructure> structures() {
        return java.util.Collections.unmodifiableMap(structures);
    }

    /** Patterns through {@link PatternProfile} with a typical lab instrument (Cu Kα1/Kα2, Caglioti widths). */
    public PowderPatternCalculator calculator() {
        InstrumentProfile instrument = InstrumentProfile.labDiffractometer();
        return new PowderPatternCalculator() {
            @Override
            public double[] intensities(Map<String, Double> weightFractions, Map<String, Double> crystalliteNm, double[] twoThetaDeg) {
                List<PhaseContribution> phases = new ArrayList<>();
                weightFractions.forEach((phase, w) -> {
                    CrystalStructure s = structures.get(phase);
                    if (s != null && w > 0) {
                        phases.add(new PhaseContribution(s, w, crystalliteNm.getOrDefault(phase, Double.POSITIVE_INFINITY), 1.0));
                    }
                });
                return PatternProfile.compute(phases, instrument, twoThetaDeg);
            }

            @Override
            public boolean knows(String phase) {
                return structures.containsKey(phase);
            }
        };
    }
}
