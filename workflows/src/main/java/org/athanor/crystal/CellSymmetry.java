package org.athanor.crystal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rotations under which a cell's atoms are exactly invariant, so structure factors need computing only once per
 * set of equivalent reflections (|F(h·R)| = |F(h)|). A cell expanded from rounded coordinates (0.3333 for ⅓) can hold
 * near-duplicate atoms that break the symmetry slightly; the group is then not used and every reflection is computed,
 * as pymatgen does.
 */
final class CellSymmetry {

    private static final int[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    /**
     * Positions are compared on a grid of 1e-9 of a cell edge: images of exactly invariant cells agree to rounding
     * (~1e-16), while a 1e-6 misfit would already change strong intensities by ~1e-4.
     */
    private static final double GRID = 1e9;

    private CellSymmetry() {
    }

    static int[][] invariantRotations(CrystalStructure structure) {
        List<SymmetryOperation> ops = structure.spaceGroup().operations();
        if (ops.size() <= 1) {
            return new int[][] {IDENTITY};
        }
        Set<Key> atoms = new HashSet<>();
        for (Site s : structure.unitCell()) {
            atoms.add(key(s, s.x(), s.y(), s.z(), 0, 0, 0));
        }
        Set<String> seen = new HashSet<>();
        List<int[]> rotations = new ArrayList<>();
        rotations.add(IDENTITY);
        seen.add(Arrays.toString(IDENTITY));
        for (SymmetryOperation op : ops) {
            int[] r = new int[9];
            for (int i = 0; i < 9; i++) {
                r[i] = (int) Math.rint(op.rotation()[i]);
                if (Math.abs(op.rotation()[i] - r[i]) > 1e-9) {
                    return new int[][] {IDENTITY};
                }
            }
            if (!seen.add(Arrays.toString(r))) {
                continue;
            }
            for (Site s : structure.unitCell()) {
                double[] p = op.apply(s.x(), s.y(), s.z());
                if (!present(atoms, s, p)) {
                    return new int[][] {IDENTITY};
                }
            }
            rotations.add(r);
        }
        return rotations.toArray(new int[0][]);
    }

    private static boolean present(Set<Key> atoms, Site s, double[] p) {
        if (atoms.contains(key(s, p[0], p[1], p[2], 0, 0, 0))) {
            return true;
        }
        // a position within rounding of a grid boundary may sit in the neighbouring grid cell
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dz = -1; dz <= 1; dz++) {
                    if (atoms.contains(key(s, p[0], p[1], p[2], dx, dy, dz))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private record Key(String element, long occupancy, long x, long y, long z) {
    }

    private static Key key(Site s, double x, double y, double z, int dx, int dy, int dz) {
        long n = (long) GRID;
        return new Key(s.element(), Math.round(s.occupancy() * 1e9),
                Math.floorMod(Math.round(x * GRID) + dx, n),
                Math.floorMod(Math.round(y * GRID) + dy, n),
                Math.floorMod(Math.round(z * GRID) + dz, n));
    }
}
