package org.athanor.instruments.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.instruments.testlab.Eventually;
import org.athanor.instruments.testlab.TestLab;
import org.athanor.instruments.testlab.TestMqttDevice;
import org.athanor.workflow.Action;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.junit.jupiter.api.Test;

/** The MQTT diffractometer driver on the shared test broker with a device of its own: Last Will, door, duplicates. */
class MqttDiffractometerResilienceIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static boolean eventually(BooleanSupplier condition) {
        return Eventually.within(LIMIT, condition);
    }

    private static ApprovedStep scan(String id, String runId, String stepId) {
        Step step = new Step(stepId, Action.XRD, id, "S-9", null, Map.of())
                .withParam("twoThetaStart", Quantity.of(20, "deg")).withParam("twoThetaEnd", Quantity.of(30, "deg"))
                .withParam("stepSize", Quantity.of(0.05, "deg"));
        return new ApprovedStep(runId, step, TestLab.APPROVALS.issue(runId, step));
    }

    private static InstrumentConfig xrd(String id, String broker) {
        InstrumentConfig x = TestLab.shared().config.instrument("xrd-1").orElseThrow();
        return new InstrumentConfig(id, x.kind(), x.protocol(), broker, x.model(), x.credentials(), x.opcua(),
                new org.athanor.instruments.config.MqttSettings(null, null, null, "athanor-driver-" + id, 600L, 20_000, 3_000),
                x.capabilities(), x.limits(), x.nodes());
    }

    @Test
    void tracksTheLastWillAsOfflineSendsNothingAndResumesWhenTheDeviceReturns() throws Exception {
        TestLab lab = TestLab.shared();
        try (TestMqttDevice device = new TestMqttDevice("xrd-7", TestMqttDevice.Kind.XRD, lab.broker.endpoint());
             MqttDiffractometer driver = new MqttDiffractometer(xrd("xrd-7", lab.broker.endpoint()), TestLab.APPROVALS, DriverOptions.defaults())) {
            assertThat(eventually(driver::isOnline)).isTrue();
            XrdPattern first = driver.measure(scan("xrd-7", "run-w", "xrd-1")).get(30, TimeUnit.SECONDS);
            assertThat(first.twoTheta()[0]).isEqualTo(20.0);

            device.crash();
            assertThat(eventually(() -> !driver.isOnline() && "offline".equals(driver.state().state())))
                    .as("Last Will seen as offline: %s", driver.state()).isTrue();
            ApprovedStep during = scan("xrd-7", "run-w", "xrd-2");
            assertThatThrownBy(() -> driver.measure(during).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(InstrumentException.class).hasMessageContaining("offline");
            assertThat(device.received()).noneMatch(r -> r.commandId().equals(during.command().commandId()));

            device.connect();
            assertThat(eventually(driver::isOnline)).isTrue();
            XrdPattern after = driver.measure(during).get(30, TimeUnit.SECONDS);
            assertThat(after.metadata()).containsEntry("commandId", "run-w/xrd-2");
        }
    }

    @Test
    void aRepeatedCommandReturnsTheFirstResultAndTheDoorGuardsExposure() throws Exception {
        TestLab lab = TestLab.shared();
        try (TestMqttDevice device = new TestMqttDevice("xrd-8", TestMqttDevice.Kind.XRD, lab.broker.endpoint());
             MqttDiffractometer driver = new MqttDiffractometer(xrd("xrd-8", lab.broker.endpoint()), TestLab.APPROVALS, DriverOptions.defaults())) {
            assertThat(eventually(driver::isOnline)).isTrue();
            ApprovedStep approved = scan("xrd-8", "run-d", "xrd-1");
            XrdPattern once = driver.measure(approved).get(30, TimeUnit.SECONDS);
            XrdPattern twice = driver.measure(approved).get(30, TimeUnit.SECONDS);
            assertThat(twice.intensity()).containsExactly(once.intensity());
            // The repeat may be answered by the first result arriving on lab/{id}/result before the device's own reply;
            // either way the device sees the request a second time and answers "duplicate" without measuring again.
            assertThat(eventually(() -> device.received().size() == 2)).isTrue();
            assertThat(device.received()).allMatch(r -> r.approvalToken().equals(approved.approvalToken()));

            driver.setDoor(approved, true).get(30, TimeUnit.SECONDS);
            assertThat(eventually(() -> Boolean.TRUE.equals(driver.state().doorOpen()) && "open".equals(driver.state().interlock()))).isTrue();
            assertThatThrownBy(() -> driver.measure(scan("xrd-8", "run-d", "xrd-2")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CommandRejectedException.class).hasMessageContaining("door is open");
            driver.setDoor(approved, false).get(30, TimeUnit.SECONDS);
            assertThat(eventually(() -> Boolean.FALSE.equals(driver.state().doorOpen()))).isTrue();
        }
    }
}
