package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole plans from goal text through the gate of the default simulated lab. */
class OfflinePlannerTest {

    private static final OfflinePlanner PLANNER = Planners.offline();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Heat 1 g of NaN3 to 320 °C under argon.",
            "Heat 3 g of (NH4)2Cr2O7 to 400 °C under nitrogen.",
            "Heat 0.5 g of NH4ClO4 to 300 °C in air.",
    })
    void aNamedSelfReactiveReagentIsDosedAsStockedAndMeetsItsOnset(String goal) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isFalse();
        assertThat(r.violations()).as(r.reason()).noneSatisfy(f -> assertThat(f.rule()).isEqualTo("The dispenser doses only materials in the lab's inventory"))
                .anySatisfy(f -> assertThat(f.rule()).isEqualTo("A self-reactive compound is never heated past its decomposition onset"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Mix NH4H2PO4 with Li2CO3 and heat to 500 °C.|NH4H2PO4", "Mix (NH4)2HPO4 and ZnO, heat to 600 °C.|(NH4)2HPO4"})
    void aNamedReagentIsDispensedUnderTheShelfSpelling(String goal, String stocked) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.workflow()).as(r.reason()).isNotNull();
        assertThat(r.workflow().stepsOf(Action.DISPENSE)).map(s -> s.material().orElseThrow()).contains(stocked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Make 2 g of MgO at 1000 °C and press a 3 mm pellet.|3 mm pellet",
            "Make 1 g of ZnO at 900 °C, sieve to 45 µm.|45 µm",
            "Make 1 g of SrTiO3 at 1200 °C, pressed at 5 MPa.|5 MPa",
            "Make 1 g of CeO2 at 900 °C, avoiding moisture.|avoiding moisture",
    })
    void aSettingThePlannerCouldNotUseIsRefusedAndNamed(String goal, String words) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.verdict()).as(r.notes().toString()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains("\"" + words + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Make 1 g of ZnO at 900 °C under methane.|CH4",
            "Make 1 g of MgO at 1000 °C in flowing ammonia.|NH3",
            "Make 1 g of NiO at 800 °C in carbon monoxide.|CO",
    })
    void aStatedGasIsUsedAndJudgedNotReplacedByAir(String goal, String gas) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.understood().atmosphere().gas()).isEqualTo(gas);
        assertThat(r.approved()).isFalse();
        assertThat(r.reason()).contains("not " + gas);
    }

    @Test
    void wordsThatChangeNothingAreNotedNotDropped() {
        PlanResult r = PLANNER.plan("Make 1 g of ZnO at 900 °C, nice and fluffy.");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("not used").contains("fluffy"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Make 2 g of CeO2 at 1250 °C in a silica crucible under argon.|quartz|quartz crucibles stay at or below 1100 °C",
            "Make 1 g of Y2O3 at 700 °C in a crucible made of graphite.|graphite|graphite crucibles oxidise above 400 °C",
            "Make 1 g of NiO at 850 °C, platinum boat, under 3 % H2 in N2.|platinum|platinum crucibles take up hydrogen",
            "Make 1 g of MgO at 900 °C in a tantalum crucible.|tantalum|the lab has alumina",
    })
    void aNamedCrucibleIsUsedAndJudgedNeverSwapped(String goal, String crucible, String reason) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.understood().crucible()).isEqualTo(crucible);
        assertThat(r.approved()).isFalse();
        assertThat(r.reason()).contains(reason);
    }

    @Test
    void aNamedCrucibleTheGateAcceptsIsTheOneHeated() {
        PlanResult r = PLANNER.plan("Make 1 g of CuO at 700 °C in a zirconia crucible.");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.workflow().stepsOf(Action.HEAT)).allSatisfy(s -> assertThat(s.crucible()).hasValue("zirconia"));
    }

    @Test
    void theMillingTimeAskedForIsTheMillStepsAndTheGateJudgesIt() {
        PlanResult shortMill = PLANNER.plan("Make 1 g of MgO: mill for 40 min, then 1000 °C for 2 h.");
        assertThat(shortMill.approved()).as(shortMill.reason()).isTrue();
        assertThat(shortMill.workflow().stepsOf(Action.MIX)).allSatisfy(s -> assertThat(s.quantity("duration").orElseThrow().in("min")).isEqualTo(40));
        assertThat(shortMill.workflow().stepsOf(Action.HEAT)).allSatisfy(s -> assertThat(s.profile().get(0).hold().hours()).isEqualTo(2));
        PlanResult longMill = PLANNER.plan("Make 1 g of MgO: ball-mill for 2 hours, then 1000 °C.");
        assertThat(longMill.approved()).isFalse();
        assertThat(longMill.reason()).contains("A mill runs no longer than its longest run");
    }

    @Test
    void theCoolingSegmentRunsAtTheCoolingRateAskedFor() {
        PlanResult r = PLANNER.plan("Make 1 g of CuO at 700 °C, 6 °C/min heating and 1.5 °C/min cooling.");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.workflow().stepsOf(Action.HEAT)).allSatisfy(s -> {
            assertThat(s.profile().get(0).rampRate().celsiusPerMinute()).isEqualTo(6);
            assertThat(s.profile().get(1).rampRate().celsiusPerMinute()).isEqualTo(1.5);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Make 1 g of MgO at 40 °C.", "Make 1 g of NiO at −10 °C.", "Make 1 g of CuO, keep it under 80 °C.", "Make 1 g of ZnO at 300 K."})
    void aHeatStepBelowAHundredDegreesIsNoSynthesisAndIsRefused(String goal) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains("below 100 °C");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Make 2 g of NaF at 750 °C.|NaF|2", "Make 0.5 g of calcium fluoride at 1000 °C, XRD.|CaF2|0.5"})
    void aTargetOnTheShelfIsDosedAloneNotTwice(String goal, String reagent, double grams) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.workflow()).as(r.reason()).isNotNull();
        assertThat(r.workflow().stepsOf(Action.DISPENSE)).singleElement().satisfies(s -> {
            assertThat(s.material()).hasValue(reagent);
            assertThat(s.quantity("mass").orElseThrow().grams()).isCloseTo(grams, org.assertj.core.data.Offset.offset(1e-4));
        });
    }

    @Test
    void aPrecursorThatWouldDoseAnElementTwiceIsNotChosen() {
        PlanResult r = PLANNER.plan("Make 1 g of Li3AlF6 at 650 °C.");
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains("supplies F");
        assertThat(r.reason()).contains("LiF would, but also brings Li").contains("dosed twice");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Make 1 g of KCl at 600 °C.|NH4ClO4 would, but is classed oxidizer, self-reactive",
            "Make 2 g of CaSO4 at 900 °C, XRD.|S would, but is classed flammable, fuel",
    })
    void thePlannerNeverChoosesAnOxidiserOrFuelNobodyNamedAndSaysWhichItLeftOut(String goal, String why) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains(why).contains("only when the goal names it");
    }

    @Test
    void anEnergeticPrecursorTheGoalNamesIsUsedAndJudgedByTheGate() {
        PlanResult r = PLANNER.plan("Make 1 g of KCl from K2CO3 and NH4ClO4 at 150 °C.");
        assertThat(r.workflow()).as(r.reason()).isNotNull();
        assertThat(r.workflow().stepsOf(Action.DISPENSE)).map(s -> s.material().orElseThrow()).contains("NH4ClO4");
    }

    @Test
    void aRefusalByTheGateSaysWhatThePlanDosedAndWhere() {
        PlanResult r = PLANNER.plan("Make 1 g of CuO at 700 °C in a graphite crucible.");
        assertThat(r.reason()).contains("The plan it judged doses CuO (graphite crucible, air, ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Make 2 g of SiC from SiO2 and C at 1450 °C under argon.|is a carbide",
            "Make 1 g of AlN at 1300 °C in nitrogen.|is a nitride",
            "Make 1 g of nickel metal from NiO at 600 °C under 4 % H2 in Ar.|is an element",
            "Make 1 g of Mg(OH)2 at 300 °C.|contains hydrogen",
            "Make 1 g of MoS2 at 800 °C under argon.|is a sulfide",
            "Make 1 g of NiAl at 1200 °C under argon.|is an alloy or intermetallic",
    })
    void aProductTheOxideRouteCannotMakeIsRefusedWithTheReason(String goal, String why) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains(why).contains("oxides, oxysalts and halides only");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Why is LiCoO2 layered?", "Which phase forms when BaCO3 meets TiO2?", "Is SrTiO3 cubic at room temperature?"})
    void aQuestionIsNotPlannedAsASynthesis(String goal) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains("is a question");
    }

    @Test
    void aPoliteRequestIsNotAQuestion() {
        assertThat(PLANNER.plan("Could you make 1 g of MgO at 1000 °C?").approved()).isTrue();
    }

    @Test
    void aNamedPrecursorThePlanWouldLeaveOutIsRefusedNotDropped() {
        PlanResult r = PLANNER.plan("Make 1 g of Mn3O4 from MnO2 and Mn2O3 at 1000 °C.");
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains("Mn2O3 (Mn comes from MnO2)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Make 1 g of MgO at 1000 °C, Raman at 120 mW.|raman-1 allows at most 100 mW",
            "Make 1 g of MgO at 1000 °C, Raman with the 633 nm laser.|The Raman spectrometer uses only its installed laser lines",
            "Make 1 g of MgO at 1000 °C, XRD 2θ 3–90°.|xrd-1 scans 2θ 5–140°",
    })
    void anInstrumentSettingAskedForIsUsedAndJudgedByTheGate(String goal, String reason) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(r.reason()).contains(reason);
    }

    @Test
    void anInstrumentSettingWithinTheEnvelopeIsTheOneMeasured() {
        PlanResult r = PLANNER.plan("Make 1 g of MgO at 1000 °C, XRD 2θ 20–120°, Raman with the 785 nm laser at 30 mW.");
        assertThat(r.approved()).as(r.reason()).isTrue();
        Step xrd = r.workflow().stepsOf(Action.XRD).get(0);
        assertThat(xrd.quantity("twoThetaStart").orElseThrow().in("deg")).isEqualTo(20);
        assertThat(xrd.quantity("twoThetaEnd").orElseThrow().in("deg")).isEqualTo(120);
        Step raman = r.workflow().stepsOf(Action.RAMAN).get(0);
        assertThat(raman.quantity("laserWavelength").orElseThrow().in("nm")).isEqualTo(785);
        assertThat(raman.quantity("laserPower").orElseThrow().in("mW")).isEqualTo(30);
    }

    @Test
    void aPrecursorClassTheGoalRulesOutIsNotChosen() {
        PlanResult r = PLANNER.plan("Make 1 g of Li2TiO3 at 900 °C without carbonates.");
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.workflow().stepsOf(Action.DISPENSE)).map(s -> s.material().orElseThrow()).doesNotContain("Li2CO3").contains("LiOH·H2O");
        PlanResult none = PLANNER.plan("Make 1 g of SrTiO3 at 1200 °C, avoid carbonates and nitrates.");
        assertThat(none.verdict()).isEqualTo(PlanResult.Verdict.REFUSED);
        assertThat(none.reason()).contains("SrCO3 would, but is a carbonate, which the goal rules out");
    }
}
