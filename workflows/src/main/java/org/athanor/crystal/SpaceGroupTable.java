package org.athanor.crystal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 230 space groups in 752 settings, with their operations, read from {@code spacegroups/space-groups.tsv}
 * (converted from pymatgen's {@code symm_ops.json}; see the README beside it).
 *
 * <p>A symbol is resolved the way pymatgen's CifParser resolves it, so that a CIF without explicit operations gives the
 * same cell here as in the reference patterns: first pymatgen's own symbol table (standard settings; Fd-3m and the other
 * two-origin groups resolve to origin choice 1, R groups to hexagonal axes), then any setting whose Hermann–Mauguin or
 * universal symbol matches with spaces, underscores and case ignored ({@code "Fd-3m:2"}, {@code "R -3 m :R"},
 * {@code "P 1 21/n 1"}, {@code "Pbnm"}).
 */
public final class SpaceGroupTable {

    private static final String RESOURCE = "spacegroups/space-groups.tsv";
    private static volatile SpaceGroupTable instance;

    private final List<SpaceGroup> settings = new ArrayList<>();
    private final Map<String, Integer> bySymbol = new HashMap<>();
    private final Map<Integer, Integer> byNumber = new HashMap<>();
    private final Map<String, Integer> byHall = new HashMap<>();

    private SpaceGroupTable(InputStream in) throws IOException {
        Map<String, Integer> pymatgenSymbols = new HashMap<>();
        Map<String, Integer> settingSymbols = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "S" -> {
                        List<SymmetryOperation> ops = new ArrayList<>();
                        for (String op : f[5].split(";")) {
                            ops.add(SymmetryOperation.parse(op));
                        }
                        int index = settings.size();
                        settings.add(new SpaceGroup(Integer.parseInt(f[1]), f[2], ops));
                        settingSymbols.putIfAbsent(compact(f[2]), index);
                        settingSymbols.putIfAbsent(compact(f[3]), index);
                        byHall.putIfAbsent(compact(f[4]), index);
                    }
                    case "A" -> pymatgenSymbols.put(compact(f[1]), Integer.parseInt(f[2]));
                    case "N" -> byNumber.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                    default -> throw new IOException("bad line in " + RESOURCE + ": " + line);
                }
            }
        }
        bySymbol.putAll(settingSymbols);
        bySymbol.putAll(pymatgenSymbols);
        // Short monoclinic symbols name the unique-axis-b setting (ITA convention, as pymatgen's abbreviations).
        for (Map.Entry<String, Integer> e : new HashMap<>(settingSymbols).entrySet()) {
            String full = e.getKey();
            if (full.length() > 3 && full.matches("[pabcfir]1.+1") && !full.contains("(")) {
                bySymbol.putIfAbsent(full.charAt(0) + full.substring(2, full.length() - 1), e.getValue());
            }
        }
    }

    public static SpaceGroupTable instance() {
        SpaceGroupTable table = instance;
        if (table == null) {
            synchronized (SpaceGroupTable.class) {
                if (instance == null) {
                    try (InputStream in = SpaceGroupTable.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        instance = new SpaceGroupTable(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                table = instance;
            }
        }
        return table;
    }

    /** Removes spaces and underscores and lower-cases, as pymatgen's {@code sub_spgrp} (plus case folding). */
    static String compact(String symbol) {
        return symbol.replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
    }

    /** Resolves a Hermann–Mauguin symbol (any setting or spelling) or an International Tables number. */
    public Optional<SpaceGroup> find(String symbolOrNumber) {
        String text = symbolOrNumber.strip();
        if (text.matches("\\d{1,3}")) {
            return byNumber(Integer.parseInt(text));
        }
        String key = compact(text);
        Integer index = bySymbol.get(key);
        if (index == null) {
            // common variants: "Fd-3m S" / "origin 2", ":1"/":2", "H"/"R" suffix without colon
            String alt = key.replace("originchoice", ":").replace("origin", ":")
                    .replaceAll(":?(setting)?([12hr])$", ":$2");
            index = bySymbol.get(alt);
            if (index == null && alt.endsWith(":h")) {
                index = bySymbol.get(alt.substring(0, alt.length() - 2));
            }
        }
        if (index == null && key.matches("[pfi][a-z]*3.*")) {
            // pre-1983 cubic symbols without the bar: "F m 3 m" = Fm-3m, "I a 3 d" = Ia-3d
            Integer cubic = bySymbol.get(key.replaceFirst("3", "-3"));
            if (cubic != null && settings.get(cubic).number() >= 195) {
                index = cubic;
            }
        }
        return index == null ? Optional.empty() : Optional.of(settings.get(index));
    }

    /** Resolves a Hall symbol such as {@code "-P 2ybc"}. */
    public Optional<SpaceGroup> findHall(String hall) {
        Integer index = byHall.get(compact(hall));
        return index == null ? Optional.empty() : Optional.of(settings.get(index));
    }

    /** The setting pymatgen uses for a bare number (standard setting, hexagonal axes for R groups). */
    public Optional<SpaceGroup> byNumber(int number) {
        Integer index = byNumber.get(number);
        return index == null ? Optional.empty() : Optional.of(settings.get(index));
    }

    /**
     * Settings of the same group that differ only in origin choice (":1"/":2") or in hexagonal/rhombohedral axes
     * (":H"/":R"), the given one first.
     */
    public List<SpaceGroup> originAndAxisChoices(SpaceGroup group) {
        List<SpaceGroup> out = new ArrayList<>();
        out.add(group);
        int colon = group.symbol().indexOf(':');
        if (colon < 0) {
            return out;
        }
        String base = group.symbol().substring(0, colon).strip();
        for (SpaceGroup s : settings) {
            int c = s.symbol().indexOf(':');
            if (s != group && s.number() == group.number() && c > 0 && s.symbol().substring(0, c).strip().equals(base)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every setting in the table. */
    public List<SpaceGroup> settings() {
        return List.copyOf(settings);
    }
}
