package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.athanor.agent.campaign.PhaseEvidence.RamanBand;
import org.athanor.materials.Composition;
import org.junit.jupiter.api.Test;

/** Which analyses trigger a re-check, and which target fraction the optimiser then receives. */
class RecheckDecisionTest {

    private static final Composition BATIO3 = Composition.parse("BaTiO3");

    private static CampaignReport.Phase phase(String formula, double fraction, double confidence) {
        return new CampaignReport.Phase(formula, formula + "-ref", fraction, confidence);
    }

    private static PhaseEvidence xrd(double rwp, List<String> notes, CampaignReport.Phase... phases) {
        return new PhaseEvidence(true, List.of(phases), rwp, notes, null, null, null);
    }

    private static PhaseEvidence withRaman(PhaseEvidence x, List<String> formulas, RamanBand... bands) {
        return new PhaseEvidence(x.hasXrd(), x.phases(), x.rwp(), x.notes(), x.amorphousShare(), formulas, List.of(bands));
    }

    private static RamanBand band(double shift, double height, String... formulas) {
        return new RamanBand(shift, height, List.of(formulas));
    }

    // --- when a re-check is needed

    @Test
    void aConfidentTargetInAGoodFitNeedsNoRecheck() {
        var e = xrd(11.0, List.of(), phase("BaTiO3", 0.96, 0.9), phase("TiO2", 0.04, 0.7));
        assertThat(RecheckDecision.reason(e, BATIO3)).isEmpty();
    }

    @Test
    void aTargetIdentifiedWithLowConfidenceIsRechecked() {
        var e = xrd(14.0, List.of(), phase("TiO2", 0.7, 0.95), phase("BaTiO3", 0.3, 0.42));
        assertThat(RecheckDecision.reason(e, BATIO3)).hasValueSatisfying(r -> {
            assertThat(r.why()).contains("low confidence").contains("0.42");
            assertThat(r.rescan()).as("weak lines: better counting statistics help").isTrue();
        });
    }

    @Test
    void aConfidentTargetInAPoorFitIsRecheckedBecauseAPhaseMayBeMissing() {
        var e = xrd(27.1, List.of("poor fit (Rwp 27.1 %): phases may be missing from the library"),
                phase("TiO2", 0.54, 0.99), phase("BaTiO3", 0.46, 0.87));
        assertThat(RecheckDecision.reason(e, BATIO3)).hasValueSatisfying(r -> {
            assertThat(r.why()).contains("poor fit");
            assertThat(r.rescan()).as("no count time supplies a missing phase").isFalse();
        });
    }

    @Test
    void unexplainedPeaksBesideTheTargetTriggerARecheck() {
        var e = xrd(18.0, List.of("peak at 24.10° 2θ (12 % of the tallest) is not explained"), phase("BaTiO3", 1.0, 0.9));
        assertThat(RecheckDecision.reason(e, BATIO3)).hasValueSatisfying(r -> {
            assertThat(r.why()).contains("do not explain");
            assertThat(r.rescan()).isTrue();
        });
    }

    @Test
    void anAbsentTargetIsAlreadyConservativeUnlessPeaksAreLeftUnexplained() {
        var clean = xrd(30.0, List.of("poor fit (Rwp 30.0 %): phases may be missing from the library"),
                phase("BaCO3", 0.7, 0.99), phase("TiO2", 0.3, 0.99));
        assertThat(RecheckDecision.reason(clean, BATIO3)).isEmpty();
        var leftover = xrd(16.0, List.of("peak at 31.50° 2θ (40 % of the tallest) is not explained"), phase("TiO2", 1.0, 0.99));
        assertThat(RecheckDecision.reason(leftover, BATIO3)).isPresent();
    }

    @Test
    void theTargetIsRecognisedByCompositionNotByName() {
        var e = xrd(12.0, List.of(), phase("TiBaO3", 1.0, 0.3));
        assertThat(RecheckDecision.reason(e, BATIO3)).isPresent();
    }

    private static PhaseEvidence amorphous(PhaseEvidence x, double share) {
        return new PhaseEvidence(x.hasXrd(), x.phases(), x.rwp(), x.notes(), share, x.ramanFormulas(), x.ramanBands());
    }

    @Test
    void aBroadAmorphousHumpUnderAConfidentTargetTriggersARamanCheck() {
        var e = amorphous(xrd(6.0, List.of(), phase("BaTiO3", 0.97, 0.95), phase("TiO2", 0.03, 0.6)), 0.12);
        assertThat(RecheckDecision.reason(e, BATIO3)).hasValueSatisfying(r -> {
            assertThat(r.why()).contains("amorphous").contains("12 %");
            assertThat(r.rescan()).as("counting longer does not make an amorphous phase crystalline").isFalse();
        });
    }

    @Test
    void anAmorphousShareWithinACrystallinePatternsMisfitIsNoReason() {
        var e = amorphous(xrd(6.0, List.of(), phase("BaTiO3", 0.97, 0.95), phase("TiO2", 0.03, 0.6)), 0.03);
        assertThat(RecheckDecision.reason(e, BATIO3)).isEmpty();
    }

    // --- which value the optimiser receives

    private final PhaseEvidence weak = xrd(27.0, List.of(), phase("TiO2", 0.54, 0.99), phase("BaTiO3", 0.46, 0.87));

    @Test
    void ramanThatConfirmsTheTargetAndExplainsEveryBandKeepsTheReMeasuredXrdFraction() {
        var followUp = withRaman(xrd(13.0, List.of(), phase("BaTiO3", 0.9, 0.95), phase("TiO2", 0.1, 0.8)),
                List.of("BaTiO3", "TiO2"), band(262, 80, "BaTiO3"), band(447, 40, "TiO2"), band(518, 60, "BaTiO3"));
        var c = RecheckDecision.confirm(weak, followUp, BATIO3);
        assertThat(c.fraction()).isEqualTo(0.9);
        assertThat(c.uncertain()).isFalse();
        assertThat(c.finding()).contains("confirmed by Raman");
    }

    @Test
    void ramanWithoutTheTargetContradictsXrdAndTheOptimiserGetsZero() {
        var followUp = withRaman(xrd(26.0, List.of(), phase("TiO2", 0.5, 0.99), phase("BaTiO3", 0.5, 0.8)),
                List.of("TiO2", "BaCO3"), band(447, 50, "TiO2"), band(1059, 90, "BaCO3"));
        var c = RecheckDecision.confirm(weak, followUp, BATIO3);
        assertThat(c.fraction()).isZero();
        assertThat(c.uncertain()).isTrue();
        assertThat(c.finding()).contains("contradicts");
    }

    @Test
    void ramanThatSeesATargetXrdDidNotIdentifyGivesNoAmountAndSaysSo() {
        var missed = xrd(30.0, List.of("peak at 29.45° 2θ (67 % of the tallest) is not explained"), phase("TiO2", 1.0, 0.99));
        var followUp = withRaman(xrd(29.0, List.of(), phase("TiO2", 1.0, 0.99)),
                List.of("BaTiO3", "TiO2"), band(262, 50, "BaTiO3"), band(447, 50, "TiO2"));
        var c = RecheckDecision.confirm(missed, followUp, BATIO3);
        assertThat(c.fraction()).isZero();
        assertThat(c.uncertain()).isTrue();
        assertThat(c.finding()).startsWith("Raman sees the target's bands, but re-measured XRD did not identify it")
                .contains("Raman alone gives no amount").doesNotContain("conservative fraction");
    }

    @Test
    void bandsOfAPhaseXrdDidNotCountScaleTheFractionDown() {
        // Ba2TiO4 has no structure in the XRD library and no Raman reference: its 795 cm⁻¹ band is nobody's.
        var followUp = withRaman(xrd(28.0, List.of(), phase("TiO2", 0.55, 0.99), phase("BaTiO3", 0.45, 0.9)),
                List.of("BaTiO3", "TiO2"), band(262, 20, "BaTiO3"), band(447, 20, "TiO2"), band(795, 60));
        var c = RecheckDecision.confirm(weak, followUp, BATIO3);
        assertThat(c.fraction()).isCloseTo(0.45 * 0.4, within(1e-9));
        assertThat(c.uncertain()).isTrue();
        assertThat(c.finding()).contains("60 %").contains("did not count");
    }

    @Test
    void aReferencePhaseRamanSeesButXrdMissedCountsAsUncounted() {
        var followUp = withRaman(xrd(20.0, List.of(), phase("BaTiO3", 1.0, 0.9)),
                List.of("BaTiO3", "BaCO3"), band(262, 50, "BaTiO3"), band(1059, 50, "BaCO3"));
        assertThat(RecheckDecision.uncountedRamanShare(followUp.phases(), followUp.ramanBands())).isEqualTo(0.5);
        assertThat(RecheckDecision.confirm(weak, followUp, BATIO3).fraction()).isEqualTo(0.5);
    }

    @Test
    void aFewUncountedBandsBelowAFifthOfTheHeightDoNotOverruleXrd() {
        var followUp = withRaman(xrd(12.0, List.of(), phase("BaTiO3", 0.95, 0.9), phase("TiO2", 0.05, 0.7)),
                List.of("BaTiO3"), band(262, 90, "BaTiO3"), band(795, 10));
        var c = RecheckDecision.confirm(weak, followUp, BATIO3);
        assertThat(c.fraction()).isEqualTo(0.95);
        assertThat(c.uncertain()).isFalse();
    }

    private static PhaseEvidence ramanOnly(List<String> formulas, RamanBand... bands) {
        return new PhaseEvidence(false, List.of(), null, List.of(), null, formulas, List.of(bands));
    }

    @Test
    void aRamanOnlyFollowUpJudgesTheFirstScansPhases() {
        // The first scan counted TiO2 and BaTiO3; a band of neither (Ba2TiO4's, no reference) is uncounted.
        var c = RecheckDecision.confirm(weak, ramanOnly(List.of("BaTiO3", "TiO2"), band(262, 30, "BaTiO3"), band(447, 20, "TiO2"),
                band(795, 50)), BATIO3);
        assertThat(c.fraction()).isCloseTo(0.46 * 0.5, within(1e-9));
        assertThat(c.finding()).contains("XRD's 46.0 %").doesNotContain("re-measured");
        var confirmed = RecheckDecision.confirm(weak, ramanOnly(List.of("BaTiO3", "TiO2"), band(262, 30, "BaTiO3"), band(447, 20, "TiO2")), BATIO3);
        assertThat(confirmed.fraction()).isEqualTo(0.46);
        assertThat(confirmed.uncertain()).isFalse();
    }

    @Test
    void aRamanOnlyFollowUpThatMatchesNothingLeavesTheFirstScanUncertain() {
        var c = RecheckDecision.confirm(weak, ramanOnly(List.of()), BATIO3);
        assertThat(c.fraction()).isEqualTo(0.46);
        assertThat(c.uncertain()).isTrue();
        assertThat(c.finding()).contains("no new XRD scan");
    }

    @Test
    void aClearReMeasurementWithoutRamanIsUsedAsItIs() {
        var followUp = xrd(12.0, List.of(), phase("BaTiO3", 0.7, 0.8), phase("TiO2", 0.3, 0.9));
        var c = RecheckDecision.confirm(weak, followUp, BATIO3);
        assertThat(c.fraction()).isEqualTo(0.7);
        assertThat(c.uncertain()).isFalse();
        assertThat(c.finding()).contains("no Raman spectrum");
    }

    @Test
    void ramanThatMatchesNothingIsInconclusiveAndAStillUnclearXrdKeepsTheLowerFraction() {
        var followUp = withRaman(xrd(26.5, List.of(), phase("TiO2", 0.6, 0.99), phase("BaTiO3", 0.4, 0.8)), List.of());
        var c = RecheckDecision.confirm(weak, followUp, BATIO3);
        assertThat(c.fraction()).isEqualTo(0.4);
        assertThat(c.uncertain()).isTrue();
        assertThat(c.finding()).contains("unresolved").contains("Raman matched no reference phase");
    }

    @Test
    void aTargetStillUncertainAfterTheReMeasurementCountsAsAbsent() {
        var followUp = xrd(15.0, List.of(), phase("TiO2", 0.8, 0.99), phase("BaTiO3", 0.2, 0.3));
        var c = RecheckDecision.confirm(weak, followUp, BATIO3);
        assertThat(c.fraction()).isZero();
        assertThat(c.uncertain()).isTrue();
    }

    @Test
    void whenTheFollowUpCannotRunAConfidentTargetKeepsItsFractionButIsMarkedUncertain() {
        var c = RecheckDecision.confirm(weak, null, BATIO3);
        assertThat(c.fraction()).isEqualTo(0.46);
        assertThat(c.uncertain()).isTrue();
        var uncertainTarget = xrd(14.0, List.of(), phase("TiO2", 0.7, 0.95), phase("BaTiO3", 0.3, 0.42));
        assertThat(RecheckDecision.confirm(uncertainTarget, null, BATIO3).fraction()).isZero();
    }

    @Test
    void theOptimiserNeverReceivesMoreThanTheReMeasuredXrdFraction() {
        // Whatever Raman adds, it can confirm or lower XRD's fraction, never raise it.
        var x = xrd(27.0, List.of(), phase("BaTiO3", 0.6, 0.9), phase("TiO2", 0.4, 0.9));
        List<PhaseEvidence> followUps = List.of(x, withRaman(x, List.of()), withRaman(x, List.of("BaTiO3"), band(262, 1, "BaTiO3")),
                withRaman(x, List.of("BaTiO3"), band(262, 1, "BaTiO3"), band(795, 3)), withRaman(x, List.of("TiO2"), band(447, 1, "TiO2")));
        for (PhaseEvidence f : followUps) {
            assertThat(RecheckDecision.confirm(weak, f, BATIO3).fraction()).isLessThanOrEqualTo(0.6);
        }
    }

    @Test
    void anAmorphousHumpCapsTheFractionEvenWhenRamanExplainsEveryBand() {
        // An amorphous residue often has no sharp Raman bands either: Raman's "all explained" cannot lift the cap.
        var first = amorphous(xrd(6.0, List.of(), phase("BaTiO3", 0.98, 0.95), phase("TiO2", 0.02, 0.6)), 0.15);
        var followUp = withRaman(first, List.of("BaTiO3"), band(305, 100, "BaTiO3"), band(518, 80, "BaTiO3"));

        var c = RecheckDecision.confirm(first, followUp, BATIO3);

        assertThat(c.fraction()).isCloseTo(0.98 * 0.85, within(1e-9));
        assertThat(c.uncertain()).isTrue();
        assertThat(c.finding()).contains("amorphous hump").contains("15 %");
    }

    @Test
    void theAmorphousCapAndRamansUncountedBandsAreNotCompounded() {
        // Both may see the same missing phase (a Raman-active residue that is X-ray amorphous): the lower reading wins.
        var first = amorphous(xrd(6.0, List.of(), phase("BaTiO3", 1.0, 0.95)), 0.10);
        var followUp = withRaman(first, List.of("BaTiO3"), band(305, 60, "BaTiO3"), band(1060, 40));

        var c = RecheckDecision.confirm(first, followUp, BATIO3);

        assertThat(c.fraction()).isCloseTo(0.60, within(1e-9)); // Raman: 40 % of the band height uncounted
    }

    @Test
    void withoutAFollowUpTheAmorphousCapStillApplies() {
        var first = amorphous(xrd(6.0, List.of(), phase("BaTiO3", 0.97, 0.95)), 0.20);

        var c = RecheckDecision.confirm(first, null, BATIO3);

        assertThat(c.fraction()).isCloseTo(0.97 * 0.80, within(1e-9));
        assertThat(c.uncertain()).isTrue();
    }

    @Test
    void aShareBelowTheNoteLeavesTheFractionAlone() {
        var first = amorphous(xrd(6.0, List.of(), phase("BaTiO3", 0.97, 0.95)), 0.04);
        var followUp = withRaman(first, List.of("BaTiO3"), band(305, 100, "BaTiO3"));

        assertThat(RecheckDecision.confirm(first, followUp, BATIO3).fraction()).isCloseTo(0.97, within(1e-9));
    }
}
