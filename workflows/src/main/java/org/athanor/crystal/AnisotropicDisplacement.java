package org.athanor.crystal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Equivalent isotropic B from anisotropic displacement parameters (U_ij or B_ij loops):
 * U_eq = ⅓ Σ_ij U_ij a*_i a*_j (a_i·a_j) (Fischer &amp; Tillmanns, Acta Cryst. C44 (1988) 775), B_eq = 8π² U_eq.
 */
final class AnisotropicDisplacement {

    private static final String[] IJ = {"11", "22", "33", "12", "13", "23"};

    private AnisotropicDisplacement() {
    }

    static Map<String, Double> equivalentB(CifBlock block, Lattice lattice, String source) {
        Map<String, Double> result = new HashMap<>();
        List<CifBlock.Value> labels = block.values("_atom_site_aniso_label");
        if (labels.isEmpty()) {
            return result;
        }
        boolean isU = block.has("_atom_site_aniso_u_11");
        String prefix = isU ? "_atom_site_aniso_u_" : "_atom_site_aniso_b_";
        if (!block.has(prefix + "11")) {
            return result;
        }
        double[] g = lattice.metricTensor();
        double[] rl = lattice.reciprocalLengths();
        for (int row = 0; row < labels.size(); row++) {
            double[] u = new double[9];
            boolean complete = true;
            for (String ij : IJ) {
                List<CifBlock.Value> column = block.values(prefix + ij);
                if (row >= column.size() || column.get(row).missing()) {
                    complete = false;
                    break;
                }
                double v = CifReader.number(column.get(row), prefix + ij, source);
                int i = ij.charAt(0) - '1';
                int j = ij.charAt(1) - '1';
                u[i * 3 + j] = v;
                u[j * 3 + i] = v;
            }
            if (!complete) {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    sum += u[i * 3 + j] * rl[i] * rl[j] * g[i * 3 + j];
                }
            }
            double eq = sum / 3;
            result.put(labels.get(row).text(), isU ? 8 * Math.PI * Math.PI * eq : eq);
        }
        return result;
    }
}
