/**
 * Raman analysis: asymmetric-least-squares baseline, peak search and pseudo-Voigt fitting, and matching of the bands
 * against per-phase reference modes with one global axis offset (≤ 5 cm⁻¹).
 *
 * <p>The reference table is the classpath resource
 * {@code /org/athanor/instruments/analysis/raman/raman-reference-modes.csv} (sources in the README beside it); the
 * simulated Raman spectrometer can read it with {@link org.athanor.instruments.analysis.raman.RamanReference#shipped()}.
 */
package org.athanor.instruments.analysis.raman;
