package org.athanor.crystal;

/**
 * A family of Miller indices contributing to one peak, labelled as pymatgen labels it: the lexicographically largest
 * member; four Miller–Bravais indices (h, k, −h−k, l) on hexagonal cells.
 *
 * @param indices      3 or 4 indices
 * @param multiplicity how many reflections of the family fall on the peak (symmetry-forbidden ones included)
 */
public record HklFamily(int[] indices, int multiplicity) {

    public HklFamily {
        indices = indices.clone();
    }

    /** Indices written together, negative ones with a minus: {@code 10-12}. */
    public String label() {
        StringBuilder out = new StringBuilder();
        for (int i : indices) {
            out.append(i);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HklFamily f && java.util.Arrays.equals(indices, f.indices) && multiplicity == f.multiplicity;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(indices) * 31 + multiplicity;
    }

    @Override
    public String toString() {
        return label() + "×" + multiplicity;
    }
}
