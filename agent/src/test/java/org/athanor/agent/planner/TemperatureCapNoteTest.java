package org.athanor.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A temperature cap far under the recipe table's temperature is planned, with a warning in the note. */
class TemperatureCapNoteTest {

    private static final OfflinePlanner PLANNER = Planners.offline();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "make 0.5 g of BaTiO3 below 900 °C|the perovskite titanate profile suggests 1150 °C; held to your limit of 900 °C, 250 °C below it",
            "Make 1 g of MgAl2O4 spinel, stay below 1250 °C, XRD.|suggests 1400 °C; held to your limit of 1250 °C, 150 °C below it",
            "Make 1 g of SrTiO3, keep below 1173 K.|suggests 1150 °C; held to your limit of 899 °C, 251 °C below it",
            "Make 1 g of SrTiO3 below 1049 °C.|held to your limit of 1049 °C, 101 °C below it"})
    void aCapFarBelowTheTablesTemperatureWarnsThatTheReactionIsLikelyIncomplete(String goal, String note) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains(note).contains("the reaction is likely incomplete"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Make 1 g of SrTiO3 below 1050 °C.|held to your limit of 1050 °C",
            "Make 1 g of BaTiO3 below 1100 °C, XRD.|held to your limit of 1100 °C", "Make 1 g of ZnO below 700 °C.|held to your limit of 700 °C"})
    void aCapCloseToTheTablesTemperatureIsOnlyNoted(String goal, String note) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).endsWith(note));
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("incomplete"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "synthesize 1 g of BaTiO3 at 800 °C for 6 h|the perovskite titanate profile suggests 1150 °C; fired at your 800 °C, 350 °C below it",
            "Make 2 g of SrTiO3 at 1000 °C, XRD.|suggests 1150 °C; fired at your 1000 °C, 150 °C below it",
            "Make 2 g of SrTiO3 at 1273 K, XRD.|, 150 °C below it"})
    void aSetTemperatureFarBelowTheTablesIsFiredAsAskedWithTheSameWarning(String goal, String note) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains(note).contains("the reaction is likely incomplete"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"make 1 g of SrTiO3 at 1100 °C", "make 1 g of BaTiO3 at 1250 °C for 2 h"})
    void aSetTemperatureNearOrAboveTheTablesNeedsNoWarning(String goal) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("incomplete"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"make 1 g MgO from MgCO3 at 600 °C", "make 1 g CaO from CaCO3 at 800 °C for 4 h", "make 1 g of CaO at 600 °C",
            "Make 2 g of ZnO at 450 °C, XRD"})
    void aCalcinationWellAboveItsPrecursorsOnsetOrAStockedOxideAnnealedIsNotCalledIncomplete(String goal) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).containsAnyOf("incomplete", "decomposes from"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"make 1 g of CaO from CaCO3 at 700 °C|CaCO3 decomposes from about 650 °C; at 700 °C",
            "Make 1 g of MgO from Mg(OH)2 below 400 °C.|Mg(OH)2 decomposes from about 350 °C; at 400 °C"})
    void aCalcinationCloseToItsPrecursorsOnsetSaysThePrecursorMayRemain(String goal, String note) {
        PlanResult r = PLANNER.plan(goal);
        assertThat(r.approved()).as(r.reason()).isTrue();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith(note).contains("left by XRD"));
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("solid-state reaction slows"));
    }
}
