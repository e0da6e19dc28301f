package org.athanor.crystal;

import java.util.List;

/**
 * One setting of a space group: its number, its symbol in that setting and its symmetry operations.
 *
 * @param number     International Tables number, 1–230; 0 when only operations are known
 * @param symbol     Hermann–Mauguin symbol of the setting, e.g. {@code "F d -3 m :2"}, {@code "R -3 m :H"}
 * @param operations the general-position operations of the setting (including centring translations)
 */
public record SpaceGroup(int number, String symbol, List<SymmetryOperation> operations) {

    public SpaceGroup {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("a space group needs at least the identity operation");
        }
    }

    /** P1: the identity only. */
    public static SpaceGroup triclinicP1() {
        return new SpaceGroup(1, "P 1", List.of(SymmetryOperation.IDENTITY));
    }

    /** Looks a group up by symbol (any common spelling) or number; see {@link SpaceGroupTable#find}. */
    public static SpaceGroup of(String symbolOrNumber) {
        return SpaceGroupTable.instance().find(symbolOrNumber)
                .orElseThrow(() -> new IllegalArgumentException("unknown space group '" + symbolOrNumber + "'"));
    }
}
