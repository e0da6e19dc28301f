package org.athanor.agent.campaign;

import java.util.List;
import org.athanor.materials.Composition;

/** The weight fraction of the target phase among the identified phases, matched by composition ratio, not by name. */
final class TargetFraction {

    private TargetFraction() {
    }

    public static boolean isTarget(String phaseFormula, Composition target) {
        try {
            return Composition.parse(phaseFormula).sameRatiosAs(target);
        } catch (RuntimeException e) {
            return false; // a library formula the parser cannot read is not the target
        }
    }

    static double of(List<CampaignReport.Phase> phases, Composition target) {
        return phases.stream().filter(p -> isTarget(p.formula(), target)).mapToDouble(CampaignReport.Phase::weightFraction).sum();
    }
}
