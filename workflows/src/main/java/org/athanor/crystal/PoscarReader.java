package org.athanor.crystal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a VASP POSCAR (VASP 5 format with element names on line 6): the structure in P1, as pymatgen reads it.
 * Errors name the file and line.
 */
public final class PoscarReader {

    private PoscarReader() {
    }

    public static CrystalStructure read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new CifException(file.toString(), 0, "cannot read file: " + e.getMessage());
        }
    }

    public static CrystalStructure read(String text, String source) {
        String[] lines = text.replace("\r", "").split("\n");
        if (lines.length < 8) {
            throw new CifException(source, lines.length, "POSCAR too short: needs comment, scale, 3 vectors, species, counts, coordinates");
        }
        double scale = number(lines[1], source, 2);
        double[][] vectors = new double[3][3];
        for (int i = 0; i < 3; i++) {
            String[] f = lines[2 + i].trim().split("\\s+");
            for (int j = 0; j < 3; j++) {
                vectors[i][j] = number(f.length > j ? f[j] : "", source, 3 + i) * (scale > 0 ? scale : 1);
            }
        }
        String[] species = lines[5].trim().split("\\s+");
        if (species.length == 0 || !Character.isLetter(species[0].charAt(0))) {
            throw new CifException(source, 6, "expected element names (VASP 5 format) on line 6");
        }
        String[] countText = lines[6].trim().split("\\s+");
        if (countText.length != species.length) {
            throw new CifException(source, 7, countText.length + " counts for " + species.length + " elements");
        }
        int lineNo = 7;
        String mode = lines[lineNo].trim();
        if (mode.toLowerCase().startsWith("s")) {
            mode = lines[++lineNo].trim();
        }
        boolean cartesian = mode.toLowerCase().startsWith("c") || mode.toLowerCase().startsWith("k");
        Lattice lattice = Lattice.fromVectors(vectors);
        double[][] inverse = invert(vectors);
        List<Site> sites = new ArrayList<>();
        for (int s = 0; s < species.length; s++) {
            String element = species[s].replaceAll("[^A-Za-z].*", "");
            int count = (int) number(countText[s], source, 7);
            for (int n = 0; n < count; n++) {
                lineNo++;
                if (lineNo >= lines.length) {
                    throw new CifException(source, lineNo, "fewer coordinate lines than the counts on line 7");
                }
                String[] f = lines[lineNo].trim().split("\\s+");
                double[] p = new double[3];
                for (int j = 0; j < 3; j++) {
                    p[j] = number(f.length > j ? f[j] : "", source, lineNo + 1);
                }
                if (cartesian) {
                    for (int j = 0; j < 3; j++) {
                        p[j] *= scale > 0 ? scale : 1;
                    }
                    p = new double[] {
                        p[0] * inverse[0][0] + p[1] * inverse[1][0] + p[2] * inverse[2][0],
                        p[0] * inverse[0][1] + p[1] * inverse[1][1] + p[2] * inverse[2][1],
                        p[0] * inverse[0][2] + p[1] * inverse[1][2] + p[2] * inverse[2][2]};
                }
                sites.add(new Site(element + (n + 1), element, element, p[0], p[1], p[2], 1.0, Double.NaN));
            }
        }
        String name = lines[0].isBlank() ? source : lines[0].trim();
        return CrystalStructure.fromAsymmetricUnit(name, lattice, SpaceGroup.triclinicP1(), sites);
    }

    private static double number(String text, String source, int line) {
        try {
            return Double.parseDouble(text.trim().split("\\s+")[0]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new CifException(source, line, "'" + text.trim() + "' is not a number");
        }
    }

    /** Inverse of a 3×3 matrix of row vectors; fractional = cartesian · inverse. */
    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        return new double[][] {
            {(m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det, (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det,
                (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det},
            {(m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det, (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det,
                (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det},
            {(m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det, (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det,
                (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det}};
    }
}
