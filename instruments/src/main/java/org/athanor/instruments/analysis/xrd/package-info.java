/**
 * XRD phase identification and quantification against a library of CIFs.
 *
 * <p>{@link org.athanor.instruments.analysis.xrd.PhaseIdentifier} runs: SNIP background → peak search (significance
 * against counting noise) → search–match ranking of library phases with a lattice-strain scan (isotropic ±2 %, then
 * per-axis stretches for non-cubic cells, since DFT-relaxed references err anisotropically) → greedy whole-pattern
 * fitting: non-negative least squares for the phase scales and a small background correction, nested in golden-section
 * and BOBYQA searches over zero shift, strain and crystallite size. A phase enters only if it explains a significant
 * peak nothing else does, shows most of its strong lines and lowers Rwp by ≥ 4 %; phases whose removal later costs
 * less are pruned. Weight fractions follow the Rietveld relation W ∝ S·Z·M·V (applied inside the crystal module's
 * {@code PatternProfile}, the one place a pattern is computed). Confidence combines the Rwp cost of dropping the
 * phase, the share of its lines seen, and whether another library phase fits as well.
 *
 * <p>{@link org.athanor.instruments.analysis.xrd.PhaseLibrary} reads CIFs once and caches reflections per radiation.
 */
package org.athanor.instruments.analysis.xrd;
