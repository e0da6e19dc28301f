package org.athanor.crystal;

import java.util.HashMap;
import java.util.Map;

/**
 * Element symbols, atomic numbers and standard atomic weights, for densities and scattering. Kept private to the
 * crystal package on purpose: the materials package owns the public element data.
 *
 * <p>Weights: IUPAC abridged standard atomic weights (CIAAW 2021, Pure Appl. Chem. 94 (2022) 573); for elements without
 * a standard weight the mass number of the longest-lived isotope.
 */
final class ElementData {

    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
        "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
        "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
        "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
        "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr"};

    private static final double[] WEIGHTS = {
        1.008, 4.0026, 6.94, 9.0122, 10.81, 12.011, 14.007, 15.999, 18.998, 20.180,
        22.990, 24.305, 26.982, 28.085, 30.974, 32.06, 35.45, 39.95, 39.098, 40.078,
        44.956, 47.867, 50.942, 51.996, 54.938, 55.845, 58.933, 58.693, 63.546, 65.38,
        69.723, 72.630, 74.922, 78.971, 79.904, 83.798, 85.468, 87.62, 88.906, 91.224,
        92.906, 95.95, 98, 101.07, 102.91, 106.42, 107.87, 112.41, 114.82, 118.71,
        121.76, 127.60, 126.90, 131.29, 132.91, 137.33, 138.91, 140.12, 140.91, 144.24,
        145, 150.36, 151.96, 157.25, 158.93, 162.50, 164.93, 167.26, 168.93, 173.05,
        174.97, 178.49, 180.95, 183.84, 186.21, 190.23, 192.22, 195.08, 196.97, 200.59,
        204.38, 207.2, 208.98, 209, 210, 222, 223, 226, 227, 232.04,
        231.04, 238.03, 237, 244, 243, 247, 247, 251, 252, 257,
        258, 259, 262};

    private static final Map<String, Integer> Z = new HashMap<>();

    static {
        for (int i = 0; i < SYMBOLS.length; i++) {
            Z.put(SYMBOLS[i], i + 1);
        }
    }

    private ElementData() {
    }

    static boolean isElement(String symbol) {
        return Z.containsKey(symbol);
    }

    /** Atomic number, or 0 for an unknown symbol. */
    static int atomicNumber(String symbol) {
        return Z.getOrDefault(symbol, 0);
    }

    /** Standard atomic weight, g/mol. */
    static double atomicWeight(String symbol) {
        Integer z = Z.get(symbol);
        if (z == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'");
        }
        return WEIGHTS[z - 1];
    }
}
