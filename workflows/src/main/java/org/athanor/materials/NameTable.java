package org.athanor.materials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The common, mineral and trade names and abbreviations of {@code names.csv}. */
final class NameTable {

    /** One row of the table. */
    record Entry(String name, String formula, String kind, List<String> alternatives, String note, Composition composition) {

        boolean isAbbreviation() {
            return kind.equals("abbreviation");
        }

        boolean isStructureType() {
            return kind.equals("structure");
        }
    }

    private static final NameTable STANDARD = read();

    private final Map<String, Entry> byKey;
    private final Map<String, Entry> abbreviations;
    private final List<Entry> entries;
    private final int longestNameWords;

    private NameTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Entry> keys = new HashMap<>();
        Map<String, Entry> abbrev = new HashMap<>();
        int words = 1;
        for (Entry e : entries) {
            keys.putIfAbsent(key(e.name()), e);
            if (e.isAbbreviation()) {
                abbrev.putIfAbsent(e.name(), e);
            }
            words = Math.max(words, e.name().split(" ").length);
        }
        this.byKey = Collections.unmodifiableMap(keys);
        this.abbreviations = Collections.unmodifiableMap(abbrev);
        this.longestNameWords = words;
    }

    static NameTable standard() {
        return STANDARD;
    }

    List<Entry> entries() {
        return entries;
    }

    int longestNameWords() {
        return longestNameWords;
    }

    /** Any case, spaces, hyphens and underscores ignored: "NMC-811", "nmc 811", "Soda Ash". */
    Optional<Entry> lookup(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /** Abbreviations written exactly as in the table ("LFP", not "lfp"), for free text. */
    Optional<Entry> abbreviation(String exact) {
        return Optional.ofNullable(abbreviations.get(exact));
    }

    static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '_' || c == '\u00a0' || c == '’' || c == '\'') {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static NameTable read() {
        InputStream in = NameTable.class.getResourceAsStream("names.csv");
        if (in == null) {
            throw new IllegalStateException("names.csv not found on the classpath");
        }
        List<Entry> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(";", 5);
                if (f.length < 5) {
                    throw new IllegalStateException("names.csv line " + n + ": expected 5 fields");
                }
                List<String> alternatives = f[3].isBlank() ? List.of()
                        : Arrays.stream(f[3].split(",")).map(String::trim).toList();
                try {
                    rows.add(new Entry(f[0].trim(), f[1].trim(), f[2].trim(), alternatives, f[4].trim(), Formula.parse(f[1])));
                    alternatives.forEach(Formula::parse);
                } catch (NotationException e) {
                    throw new IllegalStateException("names.csv line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read names.csv", e);
        }
        return new NameTable(rows);
    }
}
