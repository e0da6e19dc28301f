package org.athanor.agent.planner.llm;

import java.util.List;

/**
 * What the language model proposes for a goal: intent and choices only. Masses are computed by stoichiometry, the
 * workflow is assembled by code, and the safety gate decides; nothing here is trusted as given.
 *
 * @param targetFormula reduced formula of the product
 * @param productMassGrams product mass in grams
 * @param precursors precursor formulas from the lab's inventory
 * @param furnace furnace instrument id
 * @param crucible crucible material
 * @param atmosphere gas: air, O2, N2, Ar, H2/Ar, H2/N2
 * @param h2Percent H2 volume percent for H2 mixtures
 * @param temperatureC dwell temperature in °C
 * @param rampCPerMin ramp in °C/min
 * @param holdHours dwell time in hours
 * @param characterization "xrd" and/or "raman"
 */
public record WorkflowProposal(
        String targetFormula,
        Double productMassGrams,
        List<String> precursors,
        String furnace,
        String crucible,
        String atmosphere,
        Double h2Percent,
        Double temperatureC,
        Double rampCPerMin,
        Double holdHours,
        List<String> characterization) {
}
