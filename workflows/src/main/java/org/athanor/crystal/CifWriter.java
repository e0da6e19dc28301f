package org.athanor.crystal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes structures as CIF 1.1: cell, space group with its explicit operations, and the asymmetric unit (or, with
 * {@link #toP1}, every atom of the cell in P1). Numbers are written with enough digits that reading the file back gives
 * the same cell and pattern.
 */
public final class CifWriter {

    private CifWriter() {
    }

    /** The structure with its space group and asymmetric unit. */
    public static String toCif(CrystalStructure structure) {
        return write(structure, structure.spaceGroup(), structure.asymmetricSites());
    }

    /** The structure as P1 with every atom of the cell listed. */
    public static String toP1(CrystalStructure structure) {
        return write(structure, SpaceGroup.triclinicP1(), structure.unitCell());
    }

    /** Writes {@link #toCif} to a file atomically (temporary file, then rename). */
    public static void write(CrystalStructure structure, Path file) {
        try {
            org.athanor.io.AtomicFiles.writeString(file, toCif(structure));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String write(CrystalStructure structure, SpaceGroup group, List<Site> sites) {
        StringBuilder out = new StringBuilder();
        out.append("# written by Athanor org.athanor.crystal.CifWriter\n");
        out.append("data_").append(structure.name().replaceAll("\\s+", "_")).append('\n');
        Lattice l = structure.lattice();
        item(out, "_cell_length_a", num(l.a()));
        item(out, "_cell_length_b", num(l.b()));
        item(out, "_cell_length_c", num(l.c()));
        item(out, "_cell_angle_alpha", num(l.alpha()));
        item(out, "_cell_angle_beta", num(l.beta()));
        item(out, "_cell_angle_gamma", num(l.gamma()));
        item(out, "_cell_volume", String.format(Locale.ROOT, "%.4f", l.volume()));
        item(out, "_chemical_formula_sum", quote(structure.reducedFormula()));
        if (!group.symbol().isBlank()) {
            item(out, "_symmetry_space_group_name_H-M", quote(group.symbol()));
        }
        if (group.number() > 0) {
            item(out, "_symmetry_Int_Tables_number", Integer.toString(group.number()));
        }
        out.append("loop_\n_symmetry_equiv_pos_site_id\n_symmetry_equiv_pos_as_xyz\n");
        int n = 1;
        for (SymmetryOperation op : group.operations()) {
            out.append("  ").append(n++).append("  '").append(op.toXyz()).append("'\n");
        }
        boolean anyB = sites.stream().anyMatch(Site::hasB);
        out.append("loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n")
                .append("_atom_site_fract_z\n_atom_site_occupancy\n");
        if (anyB) {
            out.append("_atom_site_B_iso_or_equiv\n");
        }
        for (Site s : sites) {
            out.append("  ").append(quote(s.label())).append(' ').append(quote(s.typeSymbol())).append(' ')
                    .append(num(s.x())).append(' ').append(num(s.y())).append(' ').append(num(s.z())).append(' ')
                    .append(num(s.occupancy()));
            if (anyB) {
                out.append(' ').append(s.hasB() ? num(s.bIso()) : "?");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void item(StringBuilder out, String tag, String value) {
        out.append(String.format(Locale.ROOT, "%-34s %s%n", tag, value));
    }

    /** Shortest text that reads back to the same double. */
    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String quote(String text) {
        if (text.isEmpty()) {
            return "''";
        }
        boolean needs = text.chars().anyMatch(Character::isWhitespace) || text.startsWith("_") || text.startsWith("'")
                || text.startsWith("\"") || text.startsWith("#") || text.startsWith(";") || text.startsWith("$")
                || text.equals("?") || text.equals(".") || text.regionMatches(true, 0, "data_", 0, 5)
                || text.regionMatches(true, 0, "loop_", 0, 5);
        if (!needs) {
            return text;
        }
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
