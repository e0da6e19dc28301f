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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Common reagents per element, read from {@code precursors.csv} (its header states the sources and the hazard
 * mapping). {@link #forElement(String)} lists the reagents for an element in order of preference: the table's rows
 * that supply it as their primary element come first, in file order (carbonates, oxides, hydroxides, nitrates,
 * acetates, phosphates and ammonium salts, halides, metals), then rows that supply it as a second element.
 */
public final class PrecursorTable {

    private static final String RESOURCE = "precursors.csv";
    private static volatile PrecursorTable standard;

    private final List<Precursor> all;
    private final Map<String, Precursor> byFormula = new LinkedHashMap<>();
    private final Map<Composition, Precursor> byComposition = new LinkedHashMap<>();

    public PrecursorTable(List<Precursor> precursors) {
        this.all = List.copyOf(precursors);
        for (Precursor p : all) {
            byFormula.putIfAbsent(key(p.formula()), p);
            byComposition.putIfAbsent(p.composition(), p);
        }
    }

    /** The table shipped with Athanor. */
    public static PrecursorTable standard() {
        PrecursorTable t = standard;
        if (t == null) {
            synchronized (PrecursorTable.class) {
                if (standard == null) {
                    standard = read(PrecursorTable.class.getResourceAsStream(RESOURCE), RESOURCE);
                }
                t = standard;
            }
        }
        return t;
    }

    public List<Precursor> all() {
        return all;
    }

    /** Reagents supplying this element, most preferred first; empty if none. */
    public List<Precursor> forElement(String symbol) {
        List<Precursor> primary = new ArrayList<>();
        List<Precursor> secondary = new ArrayList<>();
        for (Precursor p : all) {
            if (p.primaryElement().equals(symbol)) {
                primary.add(p);
            } else if (p.elements().contains(symbol)) {
                secondary.add(p);
            }
        }
        primary.addAll(secondary);
        return Collections.unmodifiableList(primary);
    }

    /**
     * The reagent written this way ("BaCO3", "Ni(NO3)2·6H2O", "Ni(NO3)2.6H2O") or, failing that, one with the same
     * composition as the parsed formula ("CO3Ba").
     */
    public Optional<Precursor> lookup(String formula) {
        Precursor p = byFormula.get(key(formula));
        if (p != null) {
            return Optional.of(p);
        }
        try {
            return lookup(Formula.parse(formula));
        } catch (NotationException e) {
            return Optional.empty();
        }
    }

    /** The reagent with exactly this composition, if the table has one. */
    public Optional<Precursor> lookup(Composition composition) {
        return Optional.ofNullable(byComposition.get(composition));
    }

    private static String key(String formula) {
        StringBuilder sb = new StringBuilder();
        for (char c : formula.toCharArray()) {
            char k = FormulaParser.clean(c);
            if (!Character.isWhitespace(k)) {
                sb.append(k == '.' ? '·' : k);
            }
        }
        return sb.toString();
    }

    /** Reads a table in the {@code precursors.csv} format; errors name the line. */
    public static PrecursorTable read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("precursor table " + name + " not found on the classpath");
        }
        List<Precursor> rows = new ArrayList<>();
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
                rows.add(row(line, name, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new PrecursorTable(rows);
    }

    private static Precursor row(String line, String file, int n) {
        String[] f = line.split(";", 9);
        if (f.length < 9) {
            throw new IllegalStateException(file + " line " + n + ": expected 9 fields, found " + f.length);
        }
        try {
            Composition c = Formula.parse(f[0]);
            Set<HazardClass> hazards = EnumSet.noneOf(HazardClass.class);
            for (String h : list(f[6])) {
                hazards.add(HazardClass.valueOf(h));
            }
            return new Precursor(f[0], c, f[1], list(f[2]), list(f[3]), number(f[4]), number(f[5]), hazards, list(f[7]),
                    f[8].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " line " + n + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(",")).map(String::trim).toList();
    }

    private static Double number(String field) {
        return field.isBlank() ? null : Double.valueOf(field.trim());
    }
}
