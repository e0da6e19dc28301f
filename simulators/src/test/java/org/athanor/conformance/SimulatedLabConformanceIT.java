package org.athanor.conformance;

import java.util.ArrayList;
import java.util.List;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Diffractometer;
import org.athanor.instruments.Dispenser;
import org.athanor.instruments.Furnace;
import org.athanor.instruments.Mixer;
import org.athanor.instruments.RamanSpectrometer;
import org.athanor.instruments.Transfer;
import org.athanor.instruments.conformance.DiffractometerConformance;
import org.athanor.instruments.conformance.DispenserConformance;
import org.athanor.instruments.conformance.FurnaceConformance;
import org.athanor.instruments.conformance.MixerConformance;
import org.athanor.instruments.conformance.RamanConformance;
import org.athanor.instruments.conformance.TransferConformance;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The drivers' conformance suites (instruments' test-jar) against the real simulated lab: the same tests the drivers
 * pass against their own test servers, now with the simulators' physics, inventory, furnace slots and token checks.
 */
class SimulatedLabConformanceIT {

    static SimulatedLabFixture lab() {
        return SimulatedLabFixture.shared();
    }

    @Nested
    class DispenserOnTheSimulatedLab extends DispenserConformance {
        @Override
        protected ApprovalTokens approvals() {
            return SimulatedLabFixture.APPROVALS;
        }

        @Override
        protected ApprovedStep approve(Step step) {
            return SimulatedLabFixture.approve(runId, step);
        }

        @Override
        protected Dispenser dispenser() {
            return lab().drivers.dispenser("dispenser-1");
        }
    }

    @Nested
    class MixerOnTheSimulatedLab extends MixerConformance {
        @Override
        protected ApprovalTokens approvals() {
            return SimulatedLabFixture.APPROVALS;
        }

        @Override
        protected ApprovedStep approve(Step step) {
            return SimulatedLabFixture.approve(runId, step);
        }

        @Override
        protected Mixer mixer() {
            return lab().drivers.mixer("mill-1");
        }

        @Override
        protected String sampleFor(String instrumentId) {
            return lab().sampleAt("rack");
        }
    }

    @Nested
    class TransferOnTheSimulatedLab extends TransferConformance {
        @Override
        protected ApprovalTokens approvals() {
            return SimulatedLabFixture.APPROVALS;
        }

        @Override
        protected ApprovedStep approve(Step step) {
            return SimulatedLabFixture.approve(runId, step);
        }

        @Override
        protected Transfer transfer() {
            return lab().drivers.transfer("robot-1");
        }

        @Override
        protected String sampleFor(String instrumentId) {
            return lab().sampleAt("rack");
        }
    }

    @Nested
    class FurnaceOnTheSimulatedLab extends FurnaceConformance {
        private final List<String> loaded = new ArrayList<>();

        @Override
        protected ApprovalTokens approvals() {
            return SimulatedLabFixture.APPROVALS;
        }

        @Override
        protected ApprovedStep approve(Step step) {
            return SimulatedLabFixture.approve(runId, step);
        }

        @Override
        protected Furnace furnace() {
            return lab().drivers.furnace("box-furnace-2");
        }

        @Override
        protected String sampleFor(String instrumentId) {
            String sample = lab().sampleAt(instrumentId);
            loaded.add(sample);
            return sample;
        }

        /** Four slots: take every crucible out again once the furnace has cooled enough for the robot. */
        @AfterEach
        void unload() {
            for (String sample : loaded) {
                lab().move(runId, sample, "box-furnace-2", "rack");
            }
        }
    }

    @Nested
    class DiffractometerOnTheSimulatedLab extends DiffractometerConformance {
        @Override
        protected ApprovalTokens approvals() {
            return SimulatedLabFixture.APPROVALS;
        }

        @Override
        protected ApprovedStep approve(Step step) {
            return SimulatedLabFixture.approve(runId, step);
        }

        @Override
        protected Diffractometer diffractometer() {
            return lab().drivers.diffractometer("xrd-1");
        }

        @Override
        protected String sampleFor(String instrumentId) {
            return lab().sampleAt("rack");
        }
    }

    @Nested
    class RamanOnTheSimulatedLab extends RamanConformance {
        @Override
        protected ApprovalTokens approvals() {
            return SimulatedLabFixture.APPROVALS;
        }

        @Override
        protected ApprovedStep approve(Step step) {
            return SimulatedLabFixture.approve(runId, step);
        }

        @Override
        protected RamanSpectrometer raman() {
            return lab().drivers.raman("raman-1");
        }

        @Override
        protected String sampleFor(String instrumentId) {
            return lab().sampleAt("rack");
        }
    }
}
