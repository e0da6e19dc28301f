package org.athanor.agent.campaign;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.athanor.instruments.analysis.xrd.IdentifiedPhase;
import org.athanor.materials.Composition;

/**
 * When an experiment's phase identification is too weak for the optimiser to use as it stands, and which target
 * fraction it uses once a follow-up characterisation of the same sample (a longer XRD scan and a Raman spectrum) has
 * been analysed. Pure decisions over {@link PhaseEvidence}; {@link CharacterisationCheck} runs the follow-up.
 *
 * <p>The XRD weight fractions are fractions of the crystalline phases the identifier found. A phase it cannot see (no
 * structure in the library, or amorphous: Ba2TiO4 on the BaTiO3 route gives only a broad hump) is left out, so the
 * target fraction is then an upper bound; that is what the poor fit and unexplained peaks warn of, and what a Raman
 * spectrum can show: bands of phases XRD did not count.
 */
final class RecheckDecision {

    /** Rwp (%) above which the identifier itself reports a poor fit with phases possibly missing (IdentificationRun). */
    static final double POOR_FIT_RWP = 25;
    /**
     * Share of the strong Raman band height from phases XRD did not count above which the XRD fraction is not used as
     * it stands. The analyzer calls a band strong at ≥ 10 % of the tallest; a fifth of the total is more than one
     * stray band, so a real uncounted phase.
     */
    static final double UNCOUNTED_RAMAN_SHARE = 0.2;
    /** How the identifier words a peak no fitted phase reaches (IdentificationRun's note). */
    private static final String UNEXPLAINED_PEAK = "is not explained";

    /** The value the optimiser receives, whether it is still uncertain, and a sentence on how it was reached. */
    record Confirmation(double fraction, boolean uncertain, String finding) {
    }

    private RecheckDecision() {
    }

    /**
     * Why an analysis needs a follow-up, and whether a longer XRD scan can help: better counting statistics bring out
     * weak lines (an uncertain target, unexplained small peaks), but no count time supplies a phase missing from the
     * fit (a poor fit), which only another method can show.
     */
    record Reason(String why, boolean rescan) {
    }

    /** Why this analysis needs a follow-up before the optimiser uses it; empty when it can be used as it is. */
    static Optional<Reason> reason(PhaseEvidence e, Composition target) {
        List<CampaignReport.Phase> found = targetPhases(e, target);
        boolean unexplainedPeaks = e.notes().stream().anyMatch(n -> n.contains(UNEXPLAINED_PEAK));
        if (found.isEmpty()) {
            // Absent is already the conservative reading, unless peaks are left over that might be the target's.
            return unexplainedPeaks ? Optional.of(new Reason("the target was not identified while peaks remain unexplained", true)) : Optional.empty();
        }
        double confidence = found.stream().mapToDouble(p -> p.confidence() == null ? 0 : p.confidence()).min().orElse(0);
        if (confidence < IdentifiedPhase.UNCERTAIN_BELOW) {
            return Optional.of(new Reason(String.format(Locale.ROOT, "the target was identified with low confidence (%.2f)", confidence), true));
        }
        if (unexplainedPeaks) {
            return Optional.of(new Reason("peaks the identified phases do not explain: the target fraction may be overstated", true));
        }
        if (e.rwp() != null && e.rwp() > POOR_FIT_RWP) {
            return Optional.of(new Reason(String.format(Locale.ROOT,
                    "poor fit (Rwp %.1f %%): a phase may be missing, so the target fraction may be overstated", e.rwp()), false));
        }
        if (e.amorphousNoted()) {
            return Optional.of(new Reason(String.format(Locale.ROOT, "a broad amorphous hump (about %.0f %% of the scattering): "
                    + "the target fraction, a fraction of the crystalline phases, may be overstated", 100 * e.amorphousShare()), false));
        }
        return Optional.empty();
    }

    /**
     * The target fraction to use after the follow-up. {@code followUp} is null when the follow-up could not run (the
     * gate refused it, or the run failed); then only the first analysis counts, conservatively.
     */
    static Confirmation confirm(PhaseEvidence first, PhaseEvidence followUp, Composition target) {
        Confirmation c = confirmCrystalline(first, followUp, target);
        PhaseEvidence xrd = followUp != null && followUp.hasXrd() ? followUp : first;
        if (!xrd.amorphousNoted() || c.fraction() == 0) {
            return c;
        }
        // The weight fractions are of the crystalline phases; an amorphous residue is the rest of the sample. The
        // scattering share reads as a mass share when amorphous and crystalline matter scatter alike per unit mass.
        double crystalline = TargetFraction.of(xrd.phases(), target) * (1 - xrd.amorphousShare());
        if (crystalline >= c.fraction()) {
            return c;
        }
        return new Confirmation(crystalline, true, c.finding() + String.format(Locale.ROOT,
                "; but with XRD's broad amorphous hump (about %.0f %% of the scattering) at most %s of the sample is the "
                        + "target, and that is used instead", 100 * xrd.amorphousShare(), pct(crystalline)));
    }

    private static Confirmation confirmCrystalline(PhaseEvidence first, PhaseEvidence followUp, Composition target) {
        double before = TargetFraction.of(first.phases(), target);
        if (followUp == null) {
            return unresolved(first, target, before, before, "the follow-up did not run");
        }
        // A Raman-only follow-up leaves the first scan as the XRD evidence.
        PhaseEvidence xrd = followUp.hasXrd() ? followUp : first;
        double remeasured = TargetFraction.of(xrd.phases(), target);
        String xrdName = followUp.hasXrd() ? "re-measured XRD" : "XRD";
        if (followUp.hasRaman() && !followUp.ramanFormulas().isEmpty()) {
            boolean ramanSeesTarget = followUp.ramanFormulas().stream().anyMatch(f -> TargetFraction.isTarget(f, target));
            if (!ramanSeesTarget) {
                return new Confirmation(0, remeasured > 0 || before > 0, remeasured > 0 || before > 0
                        ? "Raman contradicts XRD: bands of " + String.join(", ", followUp.ramanFormulas()) + " but none of the target; "
                            + "conservative fraction 0 used instead of " + xrdName + "'s " + pct(remeasured)
                        : "neither XRD nor Raman (" + String.join(", ", followUp.ramanFormulas()) + ") sees the target");
            }
            if (remeasured == 0) {
                return new Confirmation(0, true, "Raman sees the target's bands, but " + xrdName + " did not identify it (its lines may "
                        + "be too broad or too weak to match); Raman alone gives no amount, so 0 % is used, marked uncertain");
            }
            double uncounted = uncountedRamanShare(xrd.phases(), followUp.ramanBands());
            if (uncounted > UNCOUNTED_RAMAN_SHARE) {
                double conservative = remeasured * (1 - uncounted);
                return new Confirmation(conservative, true, String.format(Locale.ROOT,
                        "Raman sees the target, but %.0f %% of the strong band height belongs to phases XRD did not count "
                                + "(%s's %s is a fraction of the phases it identified); conservative fraction %s used, "
                                + "assuming comparable Raman cross-sections", 100 * uncounted, xrdName, pct(remeasured), pct(conservative)));
            }
            return new Confirmation(remeasured, false, "confirmed by Raman (target bands present, every strong band explained); "
                    + xrdName + " fraction " + pct(remeasured) + " used");
        }
        String raman = followUp.hasRaman() ? "Raman matched no reference phase" : "no Raman spectrum";
        if (!followUp.hasXrd()) {
            return unresolved(first, target, before, before, raman + " and no new XRD scan");
        }
        if (settled(followUp, target)) {
            return new Confirmation(remeasured, false, "re-measured XRD is clear (" + describe(followUp) + "; " + raman
                    + "); its fraction " + pct(remeasured) + " used");
        }
        return unresolved(followUp, target, before, remeasured, "re-measured XRD still unclear (" + describe(followUp) + "), " + raman);
    }

    /** Nothing settled it: a target identified with confidence keeps the lower XRD fraction; an uncertain one counts 0. */
    private static Confirmation unresolved(PhaseEvidence latest, Composition target, double before, double remeasured, String why) {
        List<CampaignReport.Phase> found = targetPhases(latest, target);
        boolean targetConfident = !found.isEmpty() && found.stream()
                .allMatch(p -> p.confidence() != null && p.confidence() >= IdentifiedPhase.UNCERTAIN_BELOW);
        double lower = Math.min(before, remeasured);
        return targetConfident
                ? new Confirmation(lower, true, "unresolved: " + why + "; the lower XRD fraction " + pct(lower) + " used")
                : new Confirmation(0, true, "unresolved: " + why + "; the target's identification is not supported, fraction 0 used");
    }

    /** A re-measured XRD analysis the optimiser can use: target (if any) confident, a good fit, every peak explained. */
    static boolean settled(PhaseEvidence e, Composition target) {
        boolean confident = targetPhases(e, target).stream()
                .allMatch(p -> p.confidence() != null && p.confidence() >= IdentifiedPhase.UNCERTAIN_BELOW);
        boolean goodFit = e.rwp() == null || e.rwp() <= POOR_FIT_RWP;
        return confident && goodFit && e.notes().stream().noneMatch(n -> n.contains(UNEXPLAINED_PEAK));
    }

    /**
     * Share of the strong Raman band height that belongs to no phase XRD identified ({@code xrdPhases}): bands no
     * reference explains, and bands of reference phases XRD did not report.
     */
    static double uncountedRamanShare(List<CampaignReport.Phase> xrdPhases, List<PhaseEvidence.RamanBand> bands) {
        if (bands == null || bands.isEmpty()) {
            return 0;
        }
        Set<Composition> counted = new HashSet<>();
        for (CampaignReport.Phase p : xrdPhases) {
            parse(p.formula()).ifPresent(counted::add);
        }
        double total = 0;
        double uncounted = 0;
        for (PhaseEvidence.RamanBand b : bands) {
            total += b.height();
            boolean byXrdPhase = b.formulas().stream().map(RecheckDecision::parse).flatMap(Optional::stream)
                    .anyMatch(c -> counted.stream().anyMatch(c::sameRatiosAs));
            if (!byXrdPhase) {
                uncounted += b.height();
            }
        }
        return total > 0 ? uncounted / total : 0;
    }

    private static List<CampaignReport.Phase> targetPhases(PhaseEvidence e, Composition target) {
        return e.phases().stream().filter(p -> TargetFraction.isTarget(p.formula(), target)).toList();
    }

    private static Optional<Composition> parse(String formula) {
        try {
            return Optional.of(Composition.parse(formula));
        } catch (RuntimeException e) {
            return Optional.empty(); // a library formula the parser cannot read matches nothing
        }
    }

    private static String describe(PhaseEvidence e) {
        return (e.rwp() == null ? "no fit" : String.format(Locale.ROOT, "Rwp %.1f %%", e.rwp()))
                + (e.phases().isEmpty() ? ", no phases" : ", " + String.join(", ", e.phases().stream()
                .map(p -> p.formula() + " " + pct(p.weightFraction())
                        + (p.confidence() == null ? "" : String.format(Locale.ROOT, " (confidence %.2f)", p.confidence()))).toList()));
    }

    private static String pct(double f) {
        return CampaignLoop.pct(f);
    }
}
