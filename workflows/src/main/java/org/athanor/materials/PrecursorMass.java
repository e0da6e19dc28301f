package org.athanor.materials;

/**
 * How much of one precursor to weigh out.
 *
 * @param formula as given or as the precursor table writes it
 * @param grams   mass to weigh, excess included
 * @param moles   amount in mol, excess included
 */
public record PrecursorMass(String formula, double grams, double moles) {
}
