package org.athanor.crystal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's structure library: the CIFs (and two POSCARs) under {@code library/} in this package's resources, with
 * their sources and licences in {@code library/README.md} and {@code library/LICENSES.md}. Files are listed in
 * {@code library/index.txt}; structures are read once and kept.
 */
public final class CrystalLibrary {

    private static final String ROOT = "library/";
    private static final Map<String, CrystalStructure> LOADED = new ConcurrentHashMap<>();
    private static volatile List<String> files;

    private CrystalLibrary() {
    }

    /** Paths relative to the library, e.g. {@code "ncrystal_converted/TiO2_sg141_Anatase.cif"}. */
    public static List<String> files() {
        List<String> list = files;
        if (list == null) {
            try (InputStream in = CrystalLibrary.class.getResourceAsStream(ROOT + "index.txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + ROOT + "index.txt");
                }
                List<String> read = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!line.isBlank()) {
                            read.add(line.strip());
                        }
                    }
                }
                list = List.copyOf(read);
                files = list;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return list;
    }

    /** The first structure of a library file. */
    public static CrystalStructure load(String path) {
        return LOADED.computeIfAbsent(path, CrystalLibrary::read);
    }

    /** A library file by its name without folder or extension, e.g. {@code "LiFePO4"} or {@code "TiO2_141"}. */
    public static Optional<String> find(String stem) {
        for (String f : files()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            String bare = name.endsWith(".cif") ? name.substring(0, name.length() - 4) : name;
            if (bare.equals(stem)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static CrystalStructure read(String path) {
        if (!files().contains(path)) {
            throw new IllegalArgumentException("no library structure '" + path + "'");
        }
        try (InputStream in = CrystalLibrary.class.getResourceAsStream(ROOT + path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return path.endsWith("POSCAR") ? PoscarReader.read(text, path) : CifReader.read(text, path).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
