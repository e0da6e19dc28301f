package org.athanor.crystal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds a CIF block's space-group operations: explicit operators, else the symbol, else the number, else P1. */
final class SymmetrySource {

    private static final String[] OPERATION_TAGS = {
        "_symmetry_equiv_pos_as_xyz", "_space_group_symop_operation_xyz"};
    private static final String[] SYMBOL_TAGS = {
        "_symmetry_space_group_name_h-m", "_symmetry_space_group_name_h_m", "_space_group_name_h-m_alt",
        "_space_group_name_h-m", "_space_group_name_h-m_ref"};
    private static final String[] HALL_TAGS = {"_space_group_name_hall", "_symmetry_space_group_name_hall"};
    private static final String[] NUMBER_TAGS = {"_space_group_it_number", "_symmetry_int_tables_number"};

    private SymmetrySource() {
    }

    /**
     * The block's space group. When only a symbol or number is given and the group has two origin choices or
     * hexagonal/rhombohedral axes, and the symbol does not say which: rhombohedral axes for a cell with a = b = c and
     * α = β = γ ≠ 90°, hexagonal otherwise; of two origins, the one whose cell agrees with {@code _chemical_formula_sum}
     * and otherwise keeps atoms furthest apart (atoms written for the other origin land on wrong sites, too close to
     * others), pymatgen's choice (origin 1) on a tie.
     */
    static SpaceGroup spaceGroup(CifBlock block, String source, Lattice lattice, List<Site> sites, double tolerance) {
        SpaceGroup group = declared(block, source);
        if (!group.symbol().contains(":") || explicitChoice(block)) {
            return group;
        }
        List<SpaceGroup> choices = SpaceGroupTable.instance().originAndAxisChoices(group);
        if (group.symbol().endsWith(":H") || group.symbol().endsWith(":R")) {
            boolean rhombohedralCell = Math.abs(lattice.a() - lattice.b()) < 1e-3 && Math.abs(lattice.b() - lattice.c()) < 1e-3
                    && Math.abs(lattice.alpha() - lattice.beta()) < 1e-3 && Math.abs(lattice.beta() - lattice.gamma()) < 1e-3
                    && Math.abs(lattice.alpha() - 90) > 1e-3;
            String wanted = rhombohedralCell ? ":R" : ":H";
            return choices.stream().filter(g -> g.symbol().endsWith(wanted)).findFirst().orElse(group);
        }
        Optional<Map<String, Double>> formula = FormulaSum.parse(block);
        SpaceGroup best = group;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SpaceGroup candidate : choices) {
            List<Site> cell = UnitCellBuilder.expand(sites, candidate.operations(), tolerance);
            double score = closestApproach(cell, lattice);
            if (formula.isPresent() && FormulaSum.proportional(formula.get(), cell)) {
                score += 1000; // agreeing with the stated formula outweighs any distance
            }
            if (score > bestScore + 1e-6) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** Shortest distance (Å) between two distinct atom positions of a cell, nearest periodic image. */
    static double closestApproach(List<Site> cell, Lattice lattice) {
        double[] g = lattice.metricTensor();
        double shortest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < cell.size(); i++) {
            Site a = cell.get(i);
            for (int j = i + 1; j < cell.size(); j++) {
                Site b = cell.get(j);
                double dx = b.x() - a.x();
                double dy = b.y() - a.y();
                double dz = b.z() - a.z();
                dx -= Math.rint(dx);
                dy -= Math.rint(dy);
                dz -= Math.rint(dz);
                double d2 = dx * dx * g[0] + dy * dy * g[4] + dz * dz * g[8]
                        + 2 * (dx * dy * g[1] + dx * dz * g[2] + dy * dz * g[5]);
                if (d2 > 1e-6) { // the same position (a mixed site) is not a contact
                    shortest = Math.min(shortest, d2);
                }
            }
        }
        return Math.sqrt(shortest);
    }

    /** Whether the block says which origin/axes it uses (explicit operators, ":2"-style symbol, or a Hall symbol). */
    private static boolean explicitChoice(CifBlock block) {
        for (String tag : OPERATION_TAGS) {
            if (!block.values(tag).isEmpty()) {
                return true;
            }
        }
        if (block.first(HALL_TAGS).isPresent() && block.first(SYMBOL_TAGS).isEmpty()) {
            return true;
        }
        return block.first(SYMBOL_TAGS).map(v -> v.text().matches(".*(:|origin|ORIGIN|Origin).*")).orElse(false);
    }

    private static SpaceGroup declared(CifBlock block, String source) {
        Optional<CifBlock.Value> symbol = block.first(SYMBOL_TAGS);
        Optional<CifBlock.Value> number = block.first(NUMBER_TAGS);
        SpaceGroupTable table = SpaceGroupTable.instance();
        for (String tag : OPERATION_TAGS) {
            List<CifBlock.Value> values = block.values(tag);
            if (!values.isEmpty()) {
                List<SymmetryOperation> ops = new ArrayList<>();
                for (CifBlock.Value v : values) {
                    try {
                        ops.add(SymmetryOperation.parse(v.text()));
                    } catch (IllegalArgumentException e) {
                        throw new CifException(source, v.line(), tag + ": " + e.getMessage());
                    }
                }
                int n = number.map(v -> parseNumber(v, source)).orElse(0);
                String name = symbol.map(CifBlock.Value::text).orElse("");
                if (n == 0 && !name.isEmpty()) {
                    n = table.find(name).map(SpaceGroup::number).orElse(0);
                }
                return new SpaceGroup(n, name, ops);
            }
        }
        for (String tag : SYMBOL_TAGS) {
            Optional<CifBlock.Value> v = block.first(tag);
            if (v.isPresent()) {
                Optional<SpaceGroup> group = table.find(v.get().text());
                if (group.isPresent()) {
                    return group.get();
                }
            }
        }
        for (String tag : HALL_TAGS) {
            Optional<CifBlock.Value> v = block.first(tag);
            if (v.isPresent()) {
                Optional<SpaceGroup> group = table.findHall(v.get().text());
                if (group.isPresent()) {
                    return group.get();
                }
            }
        }
        if (number.isPresent()) {
            int n = parseNumber(number.get(), source);
            return table.byNumber(n).orElseThrow(() -> new CifException(source, number.get().line(),
                    "space group number " + n + " is not between 1 and 230"));
        }
        if (symbol.isPresent()) {
            throw new CifException(source, symbol.get().line(), "unknown space group symbol '"
                    + symbol.get().text() + "' and no symmetry operations given");
        }
        return SpaceGroup.triclinicP1();
    }

    private static int parseNumber(CifBlock.Value v, String source) {
        double n = CifReader.number(v, "space group number", source);
        if (n != Math.rint(n)) {
            throw new CifException(source, v.line(), "space group number '" + v.text() + "' is not a whole number");
        }
        return (int) n;
    }
}
