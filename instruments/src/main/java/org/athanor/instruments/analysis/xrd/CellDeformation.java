package org.athanor.instruments.analysis.xrd;

/**
 * How a phase's lines and profile follow unequal stretches of its three cell axes. Reference cells from DFT
 * relaxation err anisotropically (e.g. anatase from the Materials Project: a within 0.1 %, c 0.8 % too long), so
 * an isotropic strain alone cannot align all lines; axes of equal length stay tied so symmetry is kept.
 */
public interface CellDeformation {

    /** Which axes stretch together. */
    enum Ties {
        /** All three (cubic or rhombohedral metric): only isotropic strain. */
        ISOTROPIC,
        /** Two equal axes stretch together, the third on its own (tetragonal, hexagonal metric). */
        UNIAXIAL,
        /** Each axis on its own. */
        NONE
    }

    Ties ties();

    /** Index (0 = a, 1 = b, 2 = c) of the axis that stretches on its own when {@link Ties#UNIAXIAL}. */
    int uniqueAxis();

    /** d-spacings of the phase's lines, in the phase's order, with the cell lengths multiplied by sa, sb, sc. */
    double[] dSpacings(double sa, double sb, double sc);

    /** d-spacing of one of the phase's lines (index in the phase's order) with the cell lengths multiplied. */
    double dSpacing(int line, double sa, double sb, double sc);

    /** The profile of the phase with its cell lengths multiplied by sa, sb, sc. */
    PhaseProfile profile(double sa, double sb, double sc);
}
