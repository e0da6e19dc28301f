package org.athanor.crystal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A reference peak list in the CSV format of the pymatgen references, and the comparison of a computed list with it. */
record ReferencePeaks(String name, List<Row> rows) {

    record Row(double twoTheta, double intensity, double d, String hkl) {
    }

    static ReferencePeaks load(String resource) {
        try (InputStream in = ReferencePeaks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split(",");
                rows.add(new Row(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        f.length > 3 ? f[3].strip() : ""));
            }
            return new ReferencePeaks(resource, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Differences against computed peaks: every reference peak must have a computed peak within the 2θ tolerance and
     * intensity tolerance, and vice versa (peaks weaker than {@code ignoreBelow} on both sides may go unmatched).
     * Returns human-readable problems, empty when the lists agree.
     */
    List<String> compare(List<Reflection> computed, double twoThetaTol, double intensityTol, double ignoreBelow) {
        return compare(computed, twoThetaTol, intensityTol, ignoreBelow, true);
    }

    /** Families as a set: their order on a peak follows floating-point ties in pymatgen's sort and is not physics. */
    static boolean sameFamilies(String a, String b) {
        return new java.util.TreeSet<>(List.of(a.split(";"))).equals(new java.util.TreeSet<>(List.of(b.split(";"))));
    }

    List<String> compare(List<Reflection> computed, double twoThetaTol, double intensityTol, double ignoreBelow,
                         boolean checkHkl) {
        List<String> problems = new ArrayList<>();
        boolean[] used = new boolean[computed.size()];
        for (Row row : rows) {
            int best = -1;
            double bestScore = Double.MAX_VALUE;
            for (int i = 0; i < computed.size(); i++) {
                Reflection r = computed.get(i);
                double dt = Math.abs(r.twoThetaDeg() - row.twoTheta());
                if (used[i] || dt > twoThetaTol) {
                    continue;
                }
                // nearest in 2θ, preferring the same hkl families (split peaks can lie 1e-4° apart)
                double score = dt + (sameFamilies(r.hklLabel(), row.hkl()) ? 0 : 1);
                if (score < bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best < 0) {
                if (row.intensity() >= ignoreBelow) {
                    problems.add("no computed peak for reference " + row);
                }
                continue;
            }
            used[best] = true;
            Reflection r = computed.get(best);
            if (checkHkl && !sameFamilies(r.hklLabel(), row.hkl())) {
                problems.add(String.format("%s: hkl %s, reference %s at %.4f°", name, r.hklLabel(), row.hkl(),
                        row.twoTheta()));
            }
            if (Math.abs(r.relativeIntensity() - row.intensity()) > intensityTol) {
                problems.add(String.format("%s: intensity %.3f, reference %.3f at %.4f°", name,
                        r.relativeIntensity(), row.intensity(), row.twoTheta()));
            }
        }
        for (int i = 0; i < computed.size(); i++) {
            if (!used[i] && computed.get(i).relativeIntensity() >= ignoreBelow) {
                problems.add("computed peak not in reference: " + computed.get(i).twoThetaDeg() + "° I="
                        + computed.get(i).relativeIntensity() + " " + computed.get(i).hklLabel());
            }
        }
        return problems;
    }
}
