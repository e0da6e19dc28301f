package org.athanor.crystal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A crystal structure: cell, space group, the asymmetric unit as given, and the full unit cell built from them.
 *
 * @param name            a name or id, e.g. the CIF data block name
 * @param lattice         the unit cell
 * @param spaceGroup      the space group (setting) whose operations built the cell
 * @param asymmetricSites the sites as listed in the source
 * @param unitCell        every atom in the cell (one entry per species on a mixed site), with occupancies and B
 */
public record CrystalStructure(String name, Lattice lattice, SpaceGroup spaceGroup, List<Site> asymmetricSites,
                               List<Site> unitCell) {

    /** pymatgen CifParser's default site tolerance (fractional), used so cells match the reference patterns. */
    public static final double DEFAULT_SITE_TOLERANCE = 1e-4;

    private static final double AVOGADRO = 6.02214076e23;

    public CrystalStructure {
        asymmetricSites = List.copyOf(asymmetricSites);
        unitCell = List.copyOf(unitCell);
    }

    /** Builds the full cell from an asymmetric unit with the group's operations. */
    public static CrystalStructure fromAsymmetricUnit(String name, Lattice lattice, SpaceGroup spaceGroup,
                                                      List<Site> asymmetricSites) {
        return fromAsymmetricUnit(name, lattice, spaceGroup, asymmetricSites, DEFAULT_SITE_TOLERANCE);
    }

    public static CrystalStructure fromAsymmetricUnit(String name, Lattice lattice, SpaceGroup spaceGroup,
                                                      List<Site> asymmetricSites, double siteTolerance) {
        return new CrystalStructure(name, lattice, spaceGroup, asymmetricSites,
                UnitCellBuilder.expand(asymmetricSites, spaceGroup.operations(), siteTolerance));
    }

    /** Element → number of atoms per unit cell (occupancy-weighted), in order of first appearance. */
    public Map<String, Double> composition() {
        Map<String, Double> amounts = new LinkedHashMap<>();
        for (Site s : unitCell) {
            amounts.merge(s.element(), s.occupancy(), Double::sum);
        }
        return amounts;
    }

    /**
     * The formula per formula unit, elements in order of first appearance in the CIF (which lists cations first by
     * convention), amounts divided by their greatest common divisor when they are whole numbers: {@code LiFePO4},
     * {@code Al2O3}.
     */
    public String reducedFormula() {
        return Formulas.reduced(composition());
    }

    /** Mass of the cell contents, g/mol (Σ occupancy × atomic weight). */
    public double cellMass() {
        double mass = 0;
        for (Site s : unitCell) {
            mass += s.occupancy() * ElementData.atomicWeight(s.element());
        }
        return mass;
    }

    /** Density in g/cm³. */
    public double density() {
        return cellMass() / AVOGADRO / (lattice.volume() * 1e-24);
    }

    /** The same structure with the cell lengths multiplied by {@code scale} (isotropic strain); atoms keep fractional positions. */
    public CrystalStructure strained(double scale) {
        return new CrystalStructure(name, lattice.scaled(scale), spaceGroup, asymmetricSites, unitCell);
    }

    /** Whether any atom carries a displacement parameter. */
    public boolean hasDisplacementParameters() {
        return unitCell.stream().anyMatch(Site::hasB);
    }

    /** Number of distinct atom positions in the cell (mixed sites count once). */
    public int atomCount() {
        List<double[]> seen = new ArrayList<>();
        for (Site s : unitCell) {
            double[] p = {s.x(), s.y(), s.z()};
            if (seen.stream().noneMatch(q -> UnitCellBuilder.samePosition(q, p, 1e-6))) {
                seen.add(p);
            }
        }
        return seen.size();
    }

    /** Elements in the cell, alphabetical. */
    public List<String> elements() {
        return new ArrayList<>(new TreeMap<>(composition()).keySet());
    }
}
