package org.athanor.instruments.lab;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.athanor.instruments.testlab.TestLab;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.Nested;

/**
 * Every capability's conformance suite, run through the real drivers against the drivers' own test lab: a real Milo
 * server and a real HiveMQ broker with small devices implementing PROTOCOL.md. The same suites run against the
 * simulated lab in {@code simulators/src/test/java/org/athanor/conformance}.
 */
class DriverConformanceIT {

    static TestLab lab() {
        return TestLab.shared();
    }

    static void nothingSent(String commandId) {
        assertThat(lab().neverReceived(commandId)).as("command %s must not reach any device", commandId).isTrue();
    }

    @Nested
    class OpcUaDispenser extends DispenserConformance {
        @Override
        protected ApprovalTokens approvals() {
            return TestLab.APPROVALS;
        }

        @Override
        protected Dispenser dispenser() {
            return lab().drivers.dispenser("dispenser-1");
        }

        @Override
        protected void assertNeverReachedDevice(String commandId) {
            nothingSent(commandId);
        }
    }

    @Nested
    class OpcUaMixer extends MixerConformance {
        @Override
        protected ApprovalTokens approvals() {
            return TestLab.APPROVALS;
        }

        @Override
        protected Mixer mixer() {
            return lab().drivers.mixer("mill-1");
        }

        @Override
        protected void assertNeverReachedDevice(String commandId) {
            nothingSent(commandId);
        }
    }

    @Nested
    class OpcUaTransfer extends TransferConformance {
        @Override
        protected ApprovalTokens approvals() {
            return TestLab.APPROVALS;
        }

        @Override
        protected Transfer transfer() {
            return lab().drivers.transfer("robot-1");
        }

        @Override
        protected void assertNeverReachedDevice(String commandId) {
            nothingSent(commandId);
        }
    }

    @Nested
    class OpcUaBoxFurnace extends FurnaceConformance {
        @Override
        protected ApprovalTokens approvals() {
            return TestLab.APPROVALS;
        }

        @Override
        protected Furnace furnace() {
            return lab().drivers.furnace("box-furnace-2");
        }

        @Override
        protected void assertNeverReachedDevice(String commandId) {
            nothingSent(commandId);
        }
    }

    @Nested
    class MqttDiffractometer extends DiffractometerConformance {
        @Override
        protected ApprovalTokens approvals() {
            return TestLab.APPROVALS;
        }

        @Override
        protected Diffractometer diffractometer() {
            return lab().drivers.diffractometer("xrd-1");
        }

        @Override
        protected void assertNeverReachedDevice(String commandId) {
            nothingSent(commandId);
        }
    }

    @Nested
    class MqttRaman extends RamanConformance {
        @Override
        protected ApprovalTokens approvals() {
            return TestLab.APPROVALS;
        }

        @Override
        protected RamanSpectrometer raman() {
            return lab().drivers.raman("raman-1");
        }

        @Override
        protected void assertNeverReachedDevice(String commandId) {
            nothingSent(commandId);
        }
    }
}
