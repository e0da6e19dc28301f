package org.athanor.crystal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code data_} block of a CIF: tag → values (one value for a plain item, one per row for a loop). Tags are kept
 * lower-case with DDLm dots folded to underscores ({@code _atom_site.fract_x} → {@code _atom_site_fract_x}).
 *
 * @param name  the block name after {@code data_}
 * @param line  the line of the {@code data_} header
 * @param items tag → values
 */
record CifBlock(String name, int line, Map<String, List<Value>> items) {

    /** One value as written, with its line; {@code quoted} values are never the special "?" or ".". */
    record Value(String text, int line, boolean quoted) {

        boolean missing() {
            return !quoted && (text.equals("?") || text.equals("."));
        }
    }

    CifBlock {
        items = new LinkedHashMap<>(items);
    }

    static String normalTag(String tag) {
        return tag.toLowerCase(java.util.Locale.ROOT).replace('.', '_');
    }

    boolean has(String tag) {
        return items.containsKey(tag);
    }

    List<Value> values(String tag) {
        return items.getOrDefault(tag, List.of());
    }

    Optional<Value> first(String... tags) {
        for (String tag : tags) {
            List<Value> v = items.get(tag);
            if (v != null && !v.isEmpty() && !v.get(0).missing()) {
                return Optional.of(v.get(0));
            }
        }
        return Optional.empty();
    }
}
