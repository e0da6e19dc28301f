package org.athanor.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athanor.safety.Plans.*;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.athanor.safety.hazard.MaterialHazardTable;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Workflow;

/**
 * The gate on workflows it was not written against: random combinations drawn from each family, so it holds for the
 * family and not for a few examples.
 */
class GeneralisationPropertiesTest {

    private static final Gate GATE = gate();
    private static final LabState LAB = LabState.defaultSimulatedLab().withInventory(
            MaterialHazardTable.standard().all().stream().map(h -> h.formula()).collect(Collectors.toSet()));

    /** Oxides and carbonates that are neither oxidisers, fuels, toxic nor alkali (no crucible warning). */
    private static final List<String> BENIGN = List.of("BaCO3", "TiO2", "SrCO3", "CaCO3", "MgO", "Al2O3", "Fe2O3", "ZnO",
            "Nb2O5", "Y2O3", "ZrO2", "CeO2", "La2O3", "Mn2O3", "MnCO3", "SiO2", "Bi2O3", "WO3", "SnO2", "In2O3", "Ga2O3",
            "Cr2O3", "Ta2O5", "Gd2O3", "Nd2O3", "MgCO3", "CuO");
    private static final List<String> OXIDISERS = List.of("KNO3", "NaNO3", "LiNO3", "Sr(NO3)2", "Ba(NO3)2", "KClO4", "NaClO4",
            "KClO3", "NaClO3", "KMnO4", "Na2O2", "BaO2", "SrO2", "CaO2", "NaNO2", "Fe(NO3)3·9H2O", "Zn(NO3)2·6H2O");
    private static final List<String> FUELS = List.of("Al", "Mg", "Zn", "Ti", "Fe", "Cu", "S", "C", "P", "B", "Si",
            "C6H12O6", "C12H22O11", "C6H8O7", "CH4N2O", "C2H5NO2", "C18H36O2", "FeC2O4·2H2O", "Mn(CH3COO)2·4H2O", "LiH",
            "NaH", "CaH2", "NaBH4");

    @Provide
    Arbitrary<List<String>> benignMixes() {
        return Arbitraries.of(BENIGN).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
    }

    @Property(tries = 40)
    void anyMixOfBenignOxidesFiredWithinTheEnvelopeIsApproved(@ForAll("benignMixes") List<String> precursors,
            @ForAll @DoubleRange(min = 300, max = 1200) double celsius, @ForAll @DoubleRange(min = 0.5, max = 10) double ramp,
            @ForAll boolean tube) {
        Workflow w = mixture(precursors, tube ? "tube-furnace-1" : "box-furnace-1", Atmosphere.AIR, celsius, ramp);
        Verdict v = GATE.vet(w, LAB);
        assertThat(v.violations()).as(precursors + " at " + celsius).isEmpty();
        assertThat(v.approved()).isTrue();
    }

    @Property(tries = 40)
    void anyOxidiserWithAnyFuelInOneSampleIsRejected(@ForAll("oxidisers") String oxidiser, @ForAll("fuels") String fuel,
            @ForAll("benignMixes") List<String> others) {
        List<String> precursors = new java.util.ArrayList<>(others);
        precursors.add(oxidiser);
        precursors.add(fuel);
        java.util.Collections.shuffle(precursors, new java.util.Random(oxidiser.hashCode() ^ fuel.hashCode()));
        Workflow w = mixture(precursors, "tube-furnace-1", Atmosphere.of("Ar"), 300, 5);
        Verdict v = GATE.vet(w, LAB);
        assertThat(errorRules(v)).contains("Oxidisers and fuels never share a sample");
        assertThat(v.approvalTokens()).isEmpty();
    }

    @Property(tries = 30)
    void anyFuelHeatedInAirIsRejectedAndUnderArgonIsNotForThatReason(@ForAll("fuels") String fuel,
            @ForAll @DoubleRange(min = 150, max = 1000) double celsius) {
        Workflow air = mixture(List.of("TiO2", fuel), "tube-furnace-1", Atmosphere.AIR, celsius, 5);
        Workflow argon = mixture(List.of("TiO2", fuel), "tube-furnace-1", Atmosphere.of("Ar"), celsius, 5);
        assertThat(errorRules(GATE.vet(air, LAB))).contains("Fuels are never heated in air or oxygen");
        assertThat(errorRules(GATE.vet(argon, LAB))).doesNotContain("Fuels are never heated in air or oxygen");
    }

    @Property(tries = 30)
    void anyRampAboveTheFurnaceRatingIsRejected(@ForAll("benignMixes") List<String> precursors,
            @ForAll @DoubleRange(min = 10.01, max = 100) double ramp) {
        assertThat(errorRules(GATE.vet(mixture(precursors, "box-furnace-1", Atmosphere.AIR, 900, ramp), LAB)))
                .containsExactly(EnvelopeRulesTest.RAMP);
    }

    @Property(tries = 30)
    void anyHydrogenFractionAboveTheTubeRatingIsRejected(@ForAll @DoubleRange(min = 4.01, max = 100) double percent,
            @ForAll @IntRange(min = 0, max = 1) int carrier) {
        Atmosphere a = new Atmosphere(carrier == 0 ? "H2/Ar" : "H2/N2", percent, null);
        assertThat(errorRules(GATE.vet(mixture(List.of("Fe2O3"), "tube-furnace-1", a, 600, 5), LAB)))
                .containsExactly("Hydrogen stays within the furnace's rated H2 fraction");
    }

    @Provide
    Arbitrary<String> oxidisers() {
        return Arbitraries.of(OXIDISERS);
    }

    @Provide
    Arbitrary<String> fuels() {
        return Arbitraries.of(FUELS);
    }

    private static Workflow mixture(List<String> precursors, String furnace, Atmosphere atmosphere, double celsius, double ramp) {
        List<org.athanor.workflow.Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < precursors.size(); i++) {
            steps.add(dispense("d" + i, "s1", precursors.get(i), 1.0));
        }
        steps.add(mix("mix", "s1", 20));
        steps.add(heat("heat", "s1", furnace, "alumina", atmosphere, HeatSegment.celsius(celsius, ramp, 2)));
        steps.add(xrd("xrd", "s1", 10, 80));
        return workflow("X", steps.toArray(org.athanor.workflow.Step[]::new));
    }
}
