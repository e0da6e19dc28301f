package org.athanor.materials;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chemical elements with their standard atomic weights.
 *
 * <p>Weights are the IUPAC/CIAAW 2021 standard atomic weights (T. Prohaska et al., "Standard atomic weights of the
 * elements 2021", Pure Appl. Chem. 94 (2022) 573–600). Where the standard weight is an interval (H, Li, B, C, N, O,
 * Mg, Si, S, Cl, Ar, Br, Tl, Pb) the table's conventional value is used. Elements without a standard atomic weight
 * (no stable isotope with a characteristic terrestrial composition) carry the mass number of their longest-lived
 * isotope, as periodic tables conventionally print in brackets; {@link #hasStandardWeight()} tells them apart.
 *
 * <p>Electronegativities are Pauling values (CRC Handbook, 97th ed.), used only to order elements in a written
 * formula; NaN where none is defined (noble gases He, Ne, Ar and most superheavy elements).
 */
public enum Element {
    H(1, "hydrogen", 1.008, 2.20, true), He(2, "helium", 4.002602, Double.NaN, true),
    Li(3, "lithium", 6.94, 0.98, true), Be(4, "beryllium", 9.0121831, 1.57, true),
    B(5, "boron", 10.81, 2.04, true), C(6, "carbon", 12.011, 2.55, true), N(7, "nitrogen", 14.007, 3.04, true),
    O(8, "oxygen", 15.999, 3.44, true), F(9, "fluorine", 18.998403162, 3.98, true),
    Ne(10, "neon", 20.1797, Double.NaN, true), Na(11, "sodium", 22.98976928, 0.93, true),
    Mg(12, "magnesium", 24.305, 1.31, true), Al(13, "aluminium", 26.9815384, 1.61, true),
    Si(14, "silicon", 28.085, 1.90, true), P(15, "phosphorus", 30.973761998, 2.19, true),
    S(16, "sulfur", 32.06, 2.58, true), Cl(17, "chlorine", 35.45, 3.16, true), Ar(18, "argon", 39.95, Double.NaN, true),
    K(19, "potassium", 39.0983, 0.82, true), Ca(20, "calcium", 40.078, 1.00, true),
    Sc(21, "scandium", 44.955907, 1.36, true), Ti(22, "titanium", 47.867, 1.54, true),
    V(23, "vanadium", 50.9415, 1.63, true), Cr(24, "chromium", 51.9961, 1.66, true),
    Mn(25, "manganese", 54.938043, 1.55, true), Fe(26, "iron", 55.845, 1.83, true),
    Co(27, "cobalt", 58.933194, 1.88, true), Ni(28, "nickel", 58.6934, 1.91, true),
    Cu(29, "copper", 63.546, 1.90, true), Zn(30, "zinc", 65.38, 1.65, true), Ga(31, "gallium", 69.723, 1.81, true),
    Ge(32, "germanium", 72.630, 2.01, true), As(33, "arsenic", 74.921595, 2.18, true),
    Se(34, "selenium", 78.971, 2.55, true), Br(35, "bromine", 79.904, 2.96, true),
    Kr(36, "krypton", 83.798, 3.00, true), Rb(37, "rubidium", 85.4678, 0.82, true),
    Sr(38, "strontium", 87.62, 0.95, true), Y(39, "yttrium", 88.905838, 1.22, true),
    Zr(40, "zirconium", 91.224, 1.33, true), Nb(41, "niobium", 92.90637, 1.6, true),
    Mo(42, "molybdenum", 95.95, 2.16, true), Tc(43, "technetium", 97, 1.9, false),
    Ru(44, "ruthenium", 101.07, 2.2, true), Rh(45, "rhodium", 102.90549, 2.28, true),
    Pd(46, "palladium", 106.42, 2.20, true), Ag(47, "silver", 107.8682, 1.93, true),
    Cd(48, "cadmium", 112.414, 1.69, true), In(49, "indium", 114.818, 1.78, true), Sn(50, "tin", 118.710, 1.96, true),
    Sb(51, "antimony", 121.760, 2.05, true), Te(52, "tellurium", 127.60, 2.1, true),
    I(53, "iodine", 126.90447, 2.66, true), Xe(54, "xenon", 131.293, 2.6, true),
    Cs(55, "caesium", 132.90545196, 0.79, true), Ba(56, "barium", 137.327, 0.89, true),
    La(57, "lanthanum", 138.90547, 1.10, true), Ce(58, "cerium", 140.116, 1.12, true),
    Pr(59, "praseodymium", 140.90766, 1.13, true), Nd(60, "neodymium", 144.242, 1.14, true),
    Pm(61, "promethium", 145, 1.13, false), Sm(62, "samarium", 150.36, 1.17, true),
    Eu(63, "europium", 151.964, 1.2, true), Gd(64, "gadolinium", 157.249, 1.2, true),
    Tb(65, "terbium", 158.925354, 1.1, true), Dy(66, "dysprosium", 162.500, 1.22, true),
    Ho(67, "holmium", 164.930329, 1.23, true), Er(68, "erbium", 167.259, 1.24, true),
    Tm(69, "thulium", 168.934219, 1.25, true), Yb(70, "ytterbium", 173.045, 1.1, true),
    Lu(71, "lutetium", 174.9668, 1.27, true), Hf(72, "hafnium", 178.486, 1.3, true),
    Ta(73, "tantalum", 180.94788, 1.5, true), W(74, "tungsten", 183.84, 2.36, true),
    Re(75, "rhenium", 186.207, 1.9, true), Os(76, "osmium", 190.23, 2.2, true), Ir(77, "iridium", 192.217, 2.20, true),
    Pt(78, "platinum", 195.084, 2.28, true), Au(79, "gold", 196.966570, 2.54, true),
    Hg(80, "mercury", 200.592, 2.00, true), Tl(81, "thallium", 204.38, 1.62, true), Pb(82, "lead", 207.2, 2.33, true),
    Bi(83, "bismuth", 208.98040, 2.02, true), Po(84, "polonium", 209, 2.0, false), At(85, "astatine", 210, 2.2, false),
    Rn(86, "radon", 222, 2.2, false), Fr(87, "francium", 223, 0.7, false), Ra(88, "radium", 226, 0.9, false),
    Ac(89, "actinium", 227, 1.1, false), Th(90, "thorium", 232.0377, 1.3, true),
    Pa(91, "protactinium", 231.03588, 1.5, true), U(92, "uranium", 238.02891, 1.38, true),
    Np(93, "neptunium", 237, 1.36, false), Pu(94, "plutonium", 244, 1.28, false), Am(95, "americium", 243, 1.3, false),
    Cm(96, "curium", 247, 1.3, false), Bk(97, "berkelium", 247, 1.3, false), Cf(98, "californium", 251, 1.3, false),
    Es(99, "einsteinium", 252, 1.3, false), Fm(100, "fermium", 257, 1.3, false), Md(101, "mendelevium", 258, 1.3, false),
    No(102, "nobelium", 259, 1.3, false), Lr(103, "lawrencium", 262, 1.3, false),
    Rf(104, "rutherfordium", 267, Double.NaN, false), Db(105, "dubnium", 268, Double.NaN, false),
    Sg(106, "seaborgium", 269, Double.NaN, false), Bh(107, "bohrium", 270, Double.NaN, false),
    Hs(108, "hassium", 269, Double.NaN, false), Mt(109, "meitnerium", 278, Double.NaN, false),
    Ds(110, "darmstadtium", 281, Double.NaN, false), Rg(111, "roentgenium", 282, Double.NaN, false),
    Cn(112, "copernicium", 285, Double.NaN, false), Nh(113, "nihonium", 286, Double.NaN, false),
    Fl(114, "flerovium", 289, Double.NaN, false), Mc(115, "moscovium", 290, Double.NaN, false),
    Lv(116, "livermorium", 293, Double.NaN, false), Ts(117, "tennessine", 294, Double.NaN, false),
    Og(118, "oganesson", 294, Double.NaN, false);

    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();
    private static final Map<String, Element> BY_NAME = new HashMap<>();

    static {
        for (Element e : values()) {
            BY_SYMBOL.put(e.name(), e);
            BY_NAME.put(e.englishName, e);
        }
        // Spellings in common use beside the IUPAC ones.
        BY_NAME.put("aluminum", Al);
        BY_NAME.put("cesium", Cs);
        BY_NAME.put("sulphur", S);
    }

    /** Non-metals that form the anion or polyanion part of a salt or oxide; written after the cations. */
    private static final java.util.Set<String> ANION_FORMERS =
            java.util.Set.of("H", "B", "C", "N", "O", "F", "Si", "P", "S", "Cl", "Se", "Br", "Te", "I", "As");

    private final int atomicNumber;
    private final String englishName;
    private final double atomicWeight;
    private final double electronegativity;
    private final boolean standardWeight;

    Element(int atomicNumber, String englishName, double atomicWeight, double electronegativity, boolean standardWeight) {
        this.atomicNumber = atomicNumber;
        this.englishName = englishName;
        this.atomicWeight = atomicWeight;
        this.electronegativity = electronegativity;
        this.standardWeight = standardWeight;
    }

    /** The element with this exact symbol ("Fe"; case matters: "CO" is not cobalt). */
    public static Optional<Element> bySymbol(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    /** The element with this symbol, or an {@link IllegalArgumentException} naming it. */
    public static Element of(String symbol) {
        Element e = BY_SYMBOL.get(symbol);
        if (e == null) {
            throw new IllegalArgumentException("unknown element symbol '" + symbol + "'");
        }
        return e;
    }

    /** The element with this English name (IUPAC spelling, or aluminum/cesium/sulphur), any case. */
    public static Optional<Element> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public String symbol() {
        return name();
    }

    public int atomicNumber() {
        return atomicNumber;
    }

    public String englishName() {
        return englishName;
    }

    /** Standard atomic weight in g/mol (see the class comment for the source). */
    public double atomicWeight() {
        return atomicWeight;
    }

    /** Pauling electronegativity, NaN where undefined. */
    public double electronegativity() {
        return electronegativity;
    }

    /** False for elements whose weight is the mass number of the longest-lived isotope. */
    public boolean hasStandardWeight() {
        return standardWeight;
    }

    /** True for the non-metals written after the cations (O, S, halogens, C, N, P, Si, B, H, As, Se, Te). */
    public boolean isAnionFormer() {
        return ANION_FORMERS.contains(name());
    }
}
