package org.athanor.crystal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CIF's {@code _chemical_formula_sum} ("Mg Al2 O4"), used only to check which cell the atoms were meant for. */
final class FormulaSum {

    private static final Pattern TERM = Pattern.compile("([A-Z][a-z]?)([0-9.]*)");

    private FormulaSum() {
    }

    static Optional<Map<String, Double>> parse(CifBlock block) {
        Optional<CifBlock.Value> value = block.first("_chemical_formula_sum");
        if (value.isEmpty() || value.get().text().isBlank()) {
            return Optional.empty();
        }
        Map<String, Double> amounts = new LinkedHashMap<>();
        for (String part : value.get().text().trim().split("\\s+")) {
            Matcher m = TERM.matcher(part);
            if (!m.matches() || !ElementData.isElement(m.group(1))) {
                return Optional.empty();
            }
            try {
                amounts.merge(m.group(1), m.group(2).isEmpty() ? 1.0 : Double.parseDouble(m.group(2)), Double::sum);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return amounts.isEmpty() ? Optional.empty() : Optional.of(amounts);
    }

    /** Whether the cell's composition is a multiple of the formula (1 % tolerance). */
    static boolean proportional(Map<String, Double> formula, List<Site> cell) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (Site s : cell) {
            counts.merge(s.element(), s.occupancy(), Double::sum);
        }
        if (!counts.keySet().equals(formula.keySet())) {
            return false;
        }
        String first = formula.keySet().iterator().next();
        double ratio = counts.get(first) / formula.get(first);
        return formula.entrySet().stream()
                .allMatch(e -> Math.abs(counts.get(e.getKey()) - ratio * e.getValue()) <= 0.01 * ratio * e.getValue());
    }
}
