package org.athanor.crystal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structure's diffraction lines independent of wavelength: distinct d-spacings (Å) and the summed |F|² of all
 * reflections at each (multiplicity included), computed once per structure and cached, so that a profile for a new
 * lattice scale, zero shift, size or wavelength costs only the peak-shape evaluation.
 */
final class PhaseLines {

    private static final int CACHE_SIZE = 512;
    /** d-limits are rounded down along this ratio so nearby requests share a cache entry. */
    private static final double D_LADDER = 1.05;
    private static final Map<Key, PhaseLines> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, PhaseLines> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private record Key(CrystalStructure structure, int dStep, boolean debyeWaller) {
    }

    final double[] d;
    final double[] f2;
    final double rietveldMass;

    private PhaseLines(double[] d, double[] f2, double rietveldMass) {
        this.d = d;
        this.f2 = f2;
        this.rietveldMass = rietveldMass;
    }

    /** Lines with d ≥ dMin (at least), at the structure's own lattice. */
    static PhaseLines of(CrystalStructure structure, double dMin, boolean debyeWaller) {
        int step = (int) Math.floor(Math.log(dMin) / Math.log(D_LADDER));
        Key key = new Key(structure, step, debyeWaller);
        PhaseLines lines = CACHE.get(key);
        if (lines == null) {
            lines = compute(structure, Math.pow(D_LADDER, step), debyeWaller);
            CACHE.put(key, lines);
        }
        return lines;
    }

    private static PhaseLines compute(CrystalStructure structure, double dMin, boolean debyeWaller) {
        ReciprocalSpace points = ReciprocalSpace.compute(structure, 1 / dMin, debyeWaller);
        List<double[]> merged = new ArrayList<>();
        double[] current = null;
        for (int i = 0; i < points.count; i++) {
            double g = points.g[i];
            if (current != null && Math.abs(g - current[0]) <= 1e-9 * g) {
                current[1] += points.f2[i];
            } else {
                current = new double[] {g, points.f2[i]};
                merged.add(current);
            }
        }
        double[] d = new double[merged.size()];
        double[] f2 = new double[merged.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1 / merged.get(i)[0];
            f2[i] = merged.get(i)[1];
        }
        return new PhaseLines(d, f2, structure.cellMass() * structure.lattice().volume());
    }
}
