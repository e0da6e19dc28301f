/**
 * Crystal structures and powder X-ray diffraction: the one place a pattern is computed, used by the simulators to make
 * data and by the analysis to fit it.
 *
 * <h2>Structures</h2>
 * {@link org.athanor.crystal.CifReader} reads CIF 1.1 (every data block with atom sites; loops, quoted values, text
 * fields, numbers with standard uncertainties), takes symmetry from explicit operators, else the Hermann–Mauguin or Hall
 * symbol, else the number ({@link org.athanor.crystal.SpaceGroupTable}: 752 settings of the 230 groups from pymatgen's
 * COD-derived table), and builds the full cell the way pymatgen's CifParser does (site tolerance 1e-4, 0.3333/0.6667
 * snapped to thirds, mixed sites kept per species). {@link org.athanor.crystal.CrystalStructure} gives composition per
 * cell, reduced formula, density and an isotropically strained copy; {@link org.athanor.crystal.CifWriter} writes CIFs
 * back; {@link org.athanor.crystal.PoscarReader} reads VASP files; {@link org.athanor.crystal.CrystalLibrary} serves the
 * project's ~130 reference structures.
 *
 * <h2>Peak lists</h2>
 * {@link org.athanor.crystal.PowderDiffraction#peaks} reproduces pymatgen 2022.11.7's {@code XRDCalculator}: on the 10
 * shared reference lists the written CSV is identical in 2θ, intensity and d; on 20 structures it was never tuned on
 * (1447 peaks) 2θ agrees within 5e-5° and intensity within 5e-4 on the 100 scale, i.e. to the CSV's rounding. {@link org.athanor.crystal.PeakListCsv} writes them in the reference CSV format.
 *
 * <h2>Profiles</h2>
 * {@link org.athanor.crystal.PatternProfile} computes full patterns: Kα1/Kα2, pseudo-Voigt peaks with Caglioti widths and
 * Scherrer size broadening (TCH), weight fractions by the Rietveld scale relation, lattice scale and zero shift for
 * fitting; {@link org.athanor.crystal.Background} and {@link org.athanor.crystal.CountingNoise} add background and
 * Poisson counts. Reflections are cached per structure, so a new lattice scale or zero shift costs only the peak shapes.
 */
package org.athanor.crystal;
