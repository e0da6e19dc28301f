package org.athanor.instruments.mqtt;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Command;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.RamanSpectrometer;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.approval.ApprovalTokens;

/** {@link RamanSpectrometer} over MQTT: action {@code measure} with the raman step's params. */
public final class MqttRamanSpectrometer extends MqttInstrument implements RamanSpectrometer {

    public MqttRamanSpectrometer(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        super(config, approvals, options);
    }

    @Override
    public CompletableFuture<RamanSpectrum> measure(ApprovedStep approved) {
        Command command = guard.admit(approved, Action.RAMAN);
        var step = approved.step();
        double exposureS = step.quantity("exposure").map(q -> q.in("s")).orElse(10.0);
        Duration timeout = options.wallTimeoutFor(Duration.ofMillis((long) (exposureS * 1000))).plus(requestTimeout());
        return request(command, "measure", step.sample(), new LinkedHashMap<>(step.params()), timeout).thenApply(r -> {
            Map<String, String> metadata = new HashMap<>();
            metadata.put("commandId", command.commandId());
            metadata.put("instrument", id());
            if (r.get("sample") != null) {
                metadata.put("sample", r.get("sample").toString());
            }
            if (r.get("laserWavelengthNm") != null) {
                metadata.put("laserWavelengthNm", r.get("laserWavelengthNm").toString());
            }
            return new RamanSpectrum(doubles(r.get("ramanShift"), "ramanShift", id()), doubles(r.get("intensity"), "intensity", id()), metadata);
        });
    }
}
