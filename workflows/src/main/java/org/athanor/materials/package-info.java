/**
 * Materials domain core: elements, compositions, formulas, notations, precursors and stoichiometry.
 *
 * <ul>
 *   <li>{@link org.athanor.materials.Element}: the 118 elements with IUPAC 2021 standard atomic weights.</li>
 *   <li>{@link org.athanor.materials.Composition}: immutable element amounts; written cations first by
 *       electronegativity, then anion formers (BaTiO3, LiFePO4), organics in Hill order.</li>
 *   <li>{@link org.athanor.materials.Formula}: formulas with brackets, decimals, hydrates, subscripts, oxide sums and
 *       nonstoichiometry marks.</li>
 *   <li>{@link org.athanor.materials.NotationNormalizer}: formulas, oxide sums, cement notation, names
 *       ({@code names.csv}) and systematic names (built by charge balance) to a canonical reduced formula;
 *       {@code findInText} finds them in a sentence. C-S-H is taken as (CaO)1.7(SiO2)(H2O)1.8 after Allen, Thomas
 *       and Jennings, Nature Materials 6 (2007) 311.</li>
 *   <li>{@link org.athanor.materials.PrecursorTable}: reagents per element with what they release on heating and
 *       their hazard classes ({@code precursors.csv}, sources in its header).</li>
 *   <li>{@link org.athanor.materials.Stoichiometry}: balanced solid-state reactions with volatile by-products,
 *       precursor masses with optional excess, and precursor choice.</li>
 * </ul>
 */
package org.athanor.materials;
