package org.athanor.crystal;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands an asymmetric unit into the full cell, the way pymatgen's CifParser does, so that patterns compare like for
 * like: an asymmetric-unit entry that lies on a position equivalent to an earlier one joins it (mixed or split sites);
 * each resulting position is then carried through every operation, wrapped into [0, 1), and kept unless it lies within
 * {@code tolerance} (per fractional coordinate, modulo 1) of a position already generated from that group.
 */
final class UnitCellBuilder {

    private UnitCellBuilder() {
    }

    static List<Site> expand(List<Site> asymmetric, List<SymmetryOperation> ops, double tolerance) {
        List<double[]> groupCoords = new ArrayList<>();
        List<List<Site>> groupSites = new ArrayList<>();
        for (Site site : asymmetric) {
            if (!(site.occupancy() > 0)) {
                continue;
            }
            int match = matchingGroup(groupCoords, site, ops, tolerance);
            if (match < 0) {
                groupCoords.add(new double[] {site.x(), site.y(), site.z()});
                List<Site> members = new ArrayList<>();
                members.add(site);
                groupSites.add(members);
            } else {
                groupSites.get(match).add(site);
            }
        }
        List<Site> cell = new ArrayList<>();
        for (int g = 0; g < groupCoords.size(); g++) {
            double[] c = groupCoords.get(g);
            List<double[]> positions = new ArrayList<>();
            for (SymmetryOperation op : ops) {
                double[] p = op.apply(c[0], c[1], c[2]);
                for (int i = 0; i < 3; i++) {
                    p[i] -= Math.floor(p[i]);
                }
                if (!contains(positions, p, tolerance)) {
                    positions.add(p);
                }
            }
            for (double[] p : positions) {
                for (Site member : groupSites.get(g)) {
                    cell.add(member.at(p[0], p[1], p[2]));
                }
            }
        }
        return cell;
    }

    private static int matchingGroup(List<double[]> groupCoords, Site site, List<SymmetryOperation> ops,
                                     double tolerance) {
        if (groupCoords.isEmpty()) {
            return -1;
        }
        for (SymmetryOperation op : ops) {
            double[] p = op.apply(site.x(), site.y(), site.z());
            for (int g = 0; g < groupCoords.size(); g++) {
                if (samePosition(groupCoords.get(g), p, tolerance)) {
                    return g;
                }
            }
        }
        return -1;
    }

    private static boolean contains(List<double[]> positions, double[] p, double tolerance) {
        for (double[] q : positions) {
            if (samePosition(q, p, tolerance)) {
                return true;
            }
        }
        return false;
    }

    static boolean samePosition(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < 3; i++) {
            double d = a[i] - b[i];
            d -= Math.rint(d);
            if (!(Math.abs(d) < tolerance)) {
                return false;
            }
        }
        return true;
    }
}
