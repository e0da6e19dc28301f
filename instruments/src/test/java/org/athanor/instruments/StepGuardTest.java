package org.athanor.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.athanor.instruments.config.LabConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.Test;

class StepGuardTest {

    private final ApprovalTokens tokens = new ApprovalTokens("unit-test-approval-secret".getBytes(StandardCharsets.UTF_8));
    private final LabConfig lab = LabConfig.defaultLab();

    private StepGuard guardFor(String id) {
        return new StepGuard(tokens, lab.instrument(id).orElseThrow());
    }

    private static Step heat(String furnace, double celsius, double ramp, Atmosphere atmosphere) {
        return new Step("heat-1", Action.HEAT, furnace, "S-1", null, Map.of())
                .withParam("profile", List.of(HeatSegment.celsius(celsius, ramp, 2)))
                .withParam("atmosphere", atmosphere).withParam("crucible", "alumina");
    }

    private ApprovedStep approved(Step s) {
        return new ApprovedStep("run-1", s, tokens.issue("run-1", s));
    }

    @Test
    void admitsAnApprovedStepAndDerivesTheCommandIdFromRunAndStep() {
        Command c = guardFor("box-furnace-1").admit(approved(heat("box-furnace-1", 1200, 10, Atmosphere.AIR)), Action.HEAT);
        assertThat(c.commandId()).isEqualTo("run-1/heat-1");
        assertThat(c.approvalToken()).isNotBlank();
    }

    @Test
    void refusesATokenIssuedForAnotherRun() {
        Step s = heat("box-furnace-1", 900, 5, Atmosphere.AIR);
        ApprovedStep otherRun = new ApprovedStep("run-2", s, tokens.issue("run-1", s));
        assertThatThrownBy(() -> guardFor("box-furnace-1").admit(otherRun, Action.HEAT))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("run-2");
    }

    @Test
    void refusesOneDegreeAboveTheBoxFurnaceRating() {
        assertThatThrownBy(() -> guardFor("box-furnace-1").admit(approved(heat("box-furnace-1", 1201, 10, Atmosphere.AIR)), Action.HEAT))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("1200");
    }

    @Test
    void comparesKelvinAfterConversion() {
        Step kelvin = new Step("heat-1", Action.HEAT, "box-furnace-1", "S-1", null, Map.of())
                .withParam("profile", List.of(new HeatSegment(org.athanor.workflow.Quantity.of(1500, "K"),
                        org.athanor.workflow.Quantity.of(5, "°C/min"), org.athanor.workflow.Quantity.of(1, "h"))));
        assertThatThrownBy(() -> guardFor("box-furnace-1").admit(approved(kelvin), Action.HEAT))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("exceeds");
    }

    @Test
    void allowsFourPercentHydrogenInTheTubeFurnaceButNotFive() {
        Atmosphere four = new Atmosphere("H2/Ar", 4.0, null);
        Atmosphere five = new Atmosphere("H2/Ar", 5.0, null);
        assertThat(guardFor("tube-furnace-1").admit(approved(heat("tube-furnace-1", 800, 5, four)), Action.HEAT)).isNotNull();
        assertThatThrownBy(() -> guardFor("tube-furnace-1").admit(approved(heat("tube-furnace-1", 800, 5, five)), Action.HEAT))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("H2");
    }

    @Test
    void aRefusalStatesItsNumbersWithoutFloatNoise() {
        assertThatThrownBy(() -> guardFor("tube-furnace-1").admit(approved(heat("tube-furnace-1", 1512.345678901, 5, Atmosphere.AIR)), Action.HEAT))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("1512.35 °C exceeds tube-furnace-1's 1500 °C");
        Step dose = new Step("d-1", Action.DISPENSE, "dispenser-1", "S-1", null, Map.of())
                .withParam("material", "ZnO").withParam("mass", org.athanor.workflow.Quantity.of(20.308000000001, "g"));
        assertThatThrownBy(() -> guardFor("dispenser-1").admit(approved(dose), Action.DISPENSE))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("dose 20.308 g is outside 5 mg to 20000 mg");
    }

    @Test
    void refusesHydrogenInAnAirOnlyFurnace() {
        Atmosphere h2 = new Atmosphere("H2/Ar", 2.0, null);
        assertThatThrownBy(() -> guardFor("box-furnace-1").admit(approved(heat("box-furnace-1", 800, 5, h2)), Action.HEAT))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("not plumbed");
    }

    @Test
    void auxiliaryCommandsCarryASuffixAndStillNeedTheStepsToken() {
        ApprovedStep a = approved(heat("box-furnace-1", 900, 5, Atmosphere.AIR));
        assertThat(guardFor("box-furnace-1").admitAuxiliary(a, "door-open").commandId()).isEqualTo("run-1/heat-1/door-open");
        ApprovedStep tampered = new ApprovedStep("run-1", a.step().withParam("crucible", "quartz"), a.approvalToken());
        assertThatThrownBy(() -> guardFor("box-furnace-1").admitAuxiliary(tampered, "door-open"))
                .isInstanceOf(CommandRejectedException.class);
    }
}
