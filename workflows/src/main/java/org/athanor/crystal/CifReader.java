package org.athanor.crystal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads crystal structures from CIF files: every data block that has atom sites becomes a {@link CrystalStructure}.
 *
 * <p>Symmetry comes from {@code _symmetry_equiv_pos_as_xyz} / {@code _space_group_symop_operation_xyz}, else from the
 * Hermann–Mauguin or Hall symbol, else from the International Tables number, else P1 — the order pymatgen's CifParser
 * uses. Elements come from {@code _atom_site_type_symbol} (oxidation labels such as "O2-" or "Fe3+" are kept on the
 * site) or from the label. Displacement parameters: B_iso, U_iso (B = 8π²U) or the equivalent isotropic value of the
 * anisotropic U_ij / B_ij (U_eq = ⅓ Σ U_ij a*_i a*_j a_i·a_j, Fischer &amp; Tillmanns, Acta Cryst. C44 (1988) 775).
 */
public final class CifReader {

    private static final double EIGHT_PI_SQUARED = 8 * Math.PI * Math.PI;

    private final double siteTolerance;

    public CifReader() {
        this(CrystalStructure.DEFAULT_SITE_TOLERANCE);
    }

    /** @param siteTolerance fractional distance under which generated positions are the same atom */
    public CifReader(double siteTolerance) {
        this.siteTolerance = siteTolerance;
    }

    /** Reads every structure in a CIF file. */
    public static List<CrystalStructure> read(Path file) {
        try {
            return new CifReader().readText(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                return new CifReader().readText(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString());
            } catch (IOException again) {
                throw new CifException(file.toString(), 0, "cannot read file: " + again.getMessage());
            }
        } catch (IOException e) {
            throw new CifException(file.toString(), 0, "cannot read file: " + e.getMessage());
        }
    }

    /** Reads every structure in CIF text; {@code sourceName} names it in errors. */
    public static List<CrystalStructure> read(String text, String sourceName) {
        return new CifReader().readText(text, sourceName);
    }

    /** Reads the first structure of a CIF file. */
    public static CrystalStructure readFirst(Path file) {
        return read(file).get(0);
    }

    public List<CrystalStructure> readText(String text, String sourceName) {
        List<CifBlock> blocks = CifSyntax.parse(text, sourceName);
        if (blocks.isEmpty()) {
            throw new CifException(sourceName, 0, "no data_ block found");
        }
        List<CrystalStructure> structures = new ArrayList<>();
        for (CifBlock block : blocks) {
            if (block.has("_atom_site_fract_x")) {
                structures.add(structure(block, sourceName));
            }
        }
        if (structures.isEmpty()) {
            throw new CifException(sourceName, blocks.get(0).line(), "no block has atom sites (_atom_site_fract_x)");
        }
        return structures;
    }

    private CrystalStructure structure(CifBlock block, String source) {
        Lattice lattice = lattice(block, source);
        List<Site> sites = sites(block, lattice, source);
        if (sites.isEmpty()) {
            throw new CifException(source, block.line(), "block data_" + block.name() + " has no atom with an element");
        }
        SpaceGroup group = SymmetrySource.spaceGroup(block, source, lattice, sites, siteTolerance);
        String name = block.name().isBlank() ? source : block.name();
        return CrystalStructure.fromAsymmetricUnit(name, lattice, group, sites, siteTolerance);
    }

    private static Lattice lattice(CifBlock block, String source) {
        double[] p = new double[6];
        String[] tags = {"_cell_length_a", "_cell_length_b", "_cell_length_c",
            "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"};
        for (int i = 0; i < 6; i++) {
            Optional<CifBlock.Value> v = block.first(tags[i]);
            if (v.isEmpty()) {
                if (i >= 3) {
                    p[i] = 90; // CIF core dictionary default for a missing angle
                    continue;
                }
                throw new CifException(source, block.line(), "block data_" + block.name() + " has no " + tags[i]);
            }
            p[i] = number(v.get(), tags[i], source);
        }
        try {
            return new Lattice(p[0], p[1], p[2], p[3], p[4], p[5]);
        } catch (IllegalArgumentException e) {
            throw new CifException(source, block.first(tags[0]).map(CifBlock.Value::line).orElse(block.line()),
                    e.getMessage());
        }
    }

    private static List<Site> sites(CifBlock block, Lattice lattice, String source) {
        List<CifBlock.Value> xs = block.values("_atom_site_fract_x");
        List<CifBlock.Value> ys = column(block, "_atom_site_fract_y", xs.size(), source);
        List<CifBlock.Value> zs = column(block, "_atom_site_fract_z", xs.size(), source);
        List<CifBlock.Value> labels = block.values("_atom_site_label");
        List<CifBlock.Value> types = block.values("_atom_site_type_symbol");
        List<CifBlock.Value> occupancies = block.values("_atom_site_occupancy");
        List<CifBlock.Value> uIso = block.values("_atom_site_u_iso_or_equiv");
        List<CifBlock.Value> bIso = block.values("_atom_site_b_iso_or_equiv");
        Map<String, Double> anisotropicB = AnisotropicDisplacement.equivalentB(block, lattice, source);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            String label = i < labels.size() ? labels.get(i).text() : "";
            String type = i < types.size() && !types.get(i).missing() ? types.get(i).text() : label;
            int line = xs.get(i).line();
            if (type.isEmpty()) {
                throw new CifException(source, line, "atom site " + (i + 1) + " has neither type symbol nor label");
            }
            String element = AtomSymbols.element(type);
            if (element == null) {
                throw new CifException(source, line, "cannot tell the element of atom site '" + type + "'");
            }
            if (element.isEmpty()) {
                continue; // a symbol that names no scatterer (e.g. a dummy atom)
            }
            double occ = i < occupancies.size() && !occupancies.get(i).missing()
                    ? number(occupancies.get(i), "_atom_site_occupancy", source) : 1.0;
            double b = Double.NaN;
            if (i < bIso.size() && !bIso.get(i).missing()) {
                b = number(bIso.get(i), "_atom_site_B_iso_or_equiv", source);
            } else if (i < uIso.size() && !uIso.get(i).missing()) {
                b = EIGHT_PI_SQUARED * number(uIso.get(i), "_atom_site_U_iso_or_equiv", source);
            } else if (anisotropicB.containsKey(label)) {
                b = anisotropicB.get(label);
            }
            sites.add(new Site(label.isEmpty() ? element + (i + 1) : label, element, type,
                    idealThird(number(xs.get(i), "_atom_site_fract_x", source)),
                    idealThird(number(ys.get(i), "_atom_site_fract_y", source)),
                    idealThird(number(zs.get(i), "_atom_site_fract_z", source)), occ, b));
        }
        return sites;
    }

    /**
     * A coordinate written as 0.3333 or 0.6667 means ⅓ or ⅔: snap it (relative difference below 1e-4, pymatgen's
     * rule), or symmetry operations make near-duplicate atoms 1e-4 apart.
     */
    static double idealThird(double v) {
        for (double ideal : new double[] {1.0 / 3, 2.0 / 3}) {
            if (Math.abs(1 - v / ideal) < 1e-4) {
                return ideal;
            }
        }
        return v;
    }

    private static List<CifBlock.Value> column(CifBlock block, String tag, int size, String source) {
        List<CifBlock.Value> values = block.values(tag);
        if (values.size() != size) {
            throw new CifException(source, block.line(), tag + " has " + values.size() + " values but "
                    + "_atom_site_fract_x has " + size);
        }
        return values;
    }

    /**
     * A CIF number: "5.4309(2)" → 5.4309 (the standard uncertainty in brackets is dropped), "1/3" accepted too.
     */
    static double number(CifBlock.Value value, String tag, String source) {
        String text = value.text().strip();
        int bracket = text.indexOf('(');
        if (bracket >= 0) {
            text = text.substring(0, bracket);
        }
        try {
            int slash = text.indexOf('/');
            if (slash > 0) {
                return Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1));
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CifException(source, value.line(), tag + ": '" + value.text() + "' is not a number");
        }
    }

    /** Per-label lookup helper shared with the anisotropic reader. */
    static Map<String, Integer> indexByLabel(List<CifBlock.Value> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.putIfAbsent(labels.get(i).text(), i);
        }
        return index;
    }
}
