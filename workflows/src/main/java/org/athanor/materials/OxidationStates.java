package org.athanor.materials;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Usual positive oxidation states of the elements, most common in oxides and salts first (after Greenwood &
 * Earnshaw, Chemistry of the Elements, 2nd ed.), and the traditional -ic/-ous cation names.
 */
final class OxidationStates {

    record Traditional(String symbol, int state) {
    }

    private static final Map<String, List<Integer>> STATES = Map.ofEntries(
            Map.entry("H", List.of(1)), Map.entry("Li", List.of(1)), Map.entry("Na", List.of(1)), Map.entry("K", List.of(1)),
            Map.entry("Rb", List.of(1)), Map.entry("Cs", List.of(1)), Map.entry("Ag", List.of(1)), Map.entry("Tl", List.of(1, 3)),
            Map.entry("Be", List.of(2)), Map.entry("Mg", List.of(2)), Map.entry("Ca", List.of(2)), Map.entry("Sr", List.of(2)),
            Map.entry("Ba", List.of(2)), Map.entry("Zn", List.of(2)), Map.entry("Cd", List.of(2)), Map.entry("Hg", List.of(2)),
            Map.entry("Cu", List.of(2, 1)), Map.entry("Ni", List.of(2, 3)), Map.entry("Co", List.of(2, 3)),
            Map.entry("Fe", List.of(3, 2)), Map.entry("Mn", List.of(2, 3, 4)), Map.entry("Cr", List.of(3, 6)),
            Map.entry("V", List.of(5, 3, 4)), Map.entry("Ti", List.of(4, 3)), Map.entry("Zr", List.of(4)),
            Map.entry("Hf", List.of(4)), Map.entry("Ce", List.of(4, 3)), Map.entry("Sn", List.of(4, 2)),
            Map.entry("Pb", List.of(2, 4)), Map.entry("Ge", List.of(4)), Map.entry("Si", List.of(4)),
            Map.entry("C", List.of(4, 2)), Map.entry("B", List.of(3)), Map.entry("Al", List.of(3)), Map.entry("Ga", List.of(3)),
            Map.entry("In", List.of(3)), Map.entry("Sc", List.of(3)), Map.entry("Y", List.of(3)), Map.entry("La", List.of(3)),
            Map.entry("Pr", List.of(3)), Map.entry("Nd", List.of(3)), Map.entry("Sm", List.of(3)), Map.entry("Eu", List.of(3, 2)),
            Map.entry("Gd", List.of(3)), Map.entry("Tb", List.of(3)), Map.entry("Dy", List.of(3)), Map.entry("Ho", List.of(3)),
            Map.entry("Er", List.of(3)), Map.entry("Tm", List.of(3)), Map.entry("Yb", List.of(3)), Map.entry("Lu", List.of(3)),
            Map.entry("Bi", List.of(3)), Map.entry("Sb", List.of(3, 5)), Map.entry("As", List.of(3, 5)),
            Map.entry("Nb", List.of(5)), Map.entry("Ta", List.of(5)), Map.entry("Mo", List.of(6, 4)), Map.entry("W", List.of(6)),
            Map.entry("N", List.of(5, 3, 4, 2, 1)), Map.entry("P", List.of(5, 3)), Map.entry("S", List.of(6, 4)),
            Map.entry("Se", List.of(4, 6)), Map.entry("Te", List.of(4, 6)), Map.entry("Cl", List.of(7, 5, 1)),
            Map.entry("Th", List.of(4)), Map.entry("U", List.of(6, 4)), Map.entry("Ru", List.of(4)), Map.entry("Ir", List.of(4)),
            Map.entry("Rh", List.of(3)), Map.entry("Pd", List.of(2)), Map.entry("Pt", List.of(2, 4)), Map.entry("Au", List.of(3)),
            Map.entry("Os", List.of(4)), Map.entry("Re", List.of(7, 4)), Map.entry("Xe", List.of(6)));

    private static final Map<String, Traditional> TRADITIONAL = Map.ofEntries(
            Map.entry("ferric", new Traditional("Fe", 3)), Map.entry("ferrous", new Traditional("Fe", 2)),
            Map.entry("cupric", new Traditional("Cu", 2)), Map.entry("cuprous", new Traditional("Cu", 1)),
            Map.entry("stannic", new Traditional("Sn", 4)), Map.entry("stannous", new Traditional("Sn", 2)),
            Map.entry("plumbic", new Traditional("Pb", 4)), Map.entry("plumbous", new Traditional("Pb", 2)),
            Map.entry("cobaltic", new Traditional("Co", 3)), Map.entry("cobaltous", new Traditional("Co", 2)),
            Map.entry("manganic", new Traditional("Mn", 3)), Map.entry("manganous", new Traditional("Mn", 2)),
            Map.entry("chromic", new Traditional("Cr", 3)), Map.entry("chromous", new Traditional("Cr", 2)),
            Map.entry("nickelous", new Traditional("Ni", 2)), Map.entry("ceric", new Traditional("Ce", 4)),
            Map.entry("cerous", new Traditional("Ce", 3)), Map.entry("mercuric", new Traditional("Hg", 2)),
            Map.entry("auric", new Traditional("Au", 3)), Map.entry("titanous", new Traditional("Ti", 3)));

    private OxidationStates() {
    }

    /** Usual states, most common first; an empty list for elements with no common cation. */
    static List<Integer> of(String symbol) {
        return STATES.getOrDefault(symbol, List.of());
    }

    static Optional<Traditional> traditional(String word) {
        return Optional.ofNullable(TRADITIONAL.get(word));
    }
}
