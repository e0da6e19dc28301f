package org.athanor.crystal;

/**
 * An atom (or one species of a mixed site) at fractional coordinates.
 *
 * @param label       the CIF label, e.g. {@code "Fe1"}
 * @param element     the element symbol, e.g. {@code "Fe"}
 * @param typeSymbol  the CIF type symbol as written, e.g. {@code "Fe2+"} (the element when none was given)
 * @param x           fractional coordinate along a
 * @param y           fractional coordinate along b
 * @param z           fractional coordinate along c
 * @param occupancy   site occupancy, 0 &lt; occupancy
 * @param bIso        isotropic displacement parameter B in Å² (8π²·Uiso); NaN when the CIF gives none
 */
public record Site(String label, String element, String typeSymbol, double x, double y, double z,
                   double occupancy, double bIso) {

    public Site {
        if (!ElementData.isElement(element)) {
            throw new IllegalArgumentException("site " + label + ": unknown element '" + element + "'");
        }
    }

    public boolean hasB() {
        return !Double.isNaN(bIso);
    }

    Site at(double nx, double ny, double nz) {
        return new Site(label, element, typeSymbol, nx, ny, nz, occupancy, bIso);
    }

    /**
     * The oxidation state encoded in the type symbol ("Fe3+" → 3, "O2-" → −2, "Li+" → 1), or 0 when none.
     */
    public int oxidationState() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[A-Za-z]+(\\d*)([+-])$").matcher(typeSymbol);
        if (!m.matches()) {
            return 0;
        }
        int magnitude = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        return m.group(2).equals("-") ? -magnitude : magnitude;
    }
}
