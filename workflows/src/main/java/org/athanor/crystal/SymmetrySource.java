package org.athanor.crystal;

import java.util.ArrayList;
import java.util.List;
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

    static SpaceGroup spaceGroup(CifBlock block, String source) {
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
