package org.athanor.instruments.analysis.xrd;

/** The refined non-linear parameters of one phase: isotropic lattice strain and Scherrer crystallite size. */
record PhaseParameters(double strain, double sizeNm) {
}
