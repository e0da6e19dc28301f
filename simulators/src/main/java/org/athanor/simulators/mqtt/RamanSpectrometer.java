package org.athanor.simulators.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.athanor.simulators.lab.LabContext;
import org.athanor.simulators.raman.RamanSimulator;
import org.athanor.simulators.world.SampleSnapshot;

/**
 * The Raman spectrometer {@code raman-1}: lasers 532 and 785 nm, ≤ 100 mW at the sample, enclosure interlock closed
 * before emission (RULES.md §1). Spectra from 100 to 1600 cm⁻¹ by default, 1 cm⁻¹ per point.
 */
public final class RamanSpectrometer extends MqttDevice {

    static final double MAX_POWER_MW = 100;
    private final RamanSimulator simulator;

    public RamanSpectrometer(String id, String brokerUri, LabContext lab, RamanSimulator simulator) {
        super(id, brokerUri, lab);
        this.simulator = simulator;
    }

    @Override
    protected Duration measurementTime(JsonNode params) throws DeviceRefusal {
        return Duration.ofMillis((long) (settings(params).exposure() * 1000));
    }

    @Override
    protected Map<String, Object> measure(String sampleId, JsonNode params) throws DeviceRefusal {
        Settings s = settings(params);
        if (!lab.world().hasSample(sampleId)) {
            throw new DeviceRefusal(404, "unknown sample '" + sampleId + "'");
        }
        SampleSnapshot sample = lab.world().snapshot(sampleId);
        if (sample.location().contains("furnace")) {
            throw new DeviceRefusal(409, "sample " + sampleId + " is in " + sample.location());
        }
        int n = (int) Math.floor(s.end() - s.start()) + 1;
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            shift[i] = s.start() + i;
        }
        double[] intensity = simulator.spectrum(sample.phaseWeightFractions(), shift, s.laser(), s.power(), s.exposure(),
                new Random(lab.random().nextLong()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("laserWavelengthNm", s.laser());
        result.put("ramanShift", shift);
        result.put("intensity", intensity);
        return result;
    }

    private record Settings(double laser, double power, double start, double end, double exposure) {
    }

    private static Settings settings(JsonNode params) throws DeviceRefusal {
        double laser = Params.quantity(params, "laserWavelength", "nm", 785);
        double power = Params.quantity(params, "laserPower", "mW", 50);
        double start = Params.quantity(params, "rangeStart", "cm-1", 100);
        double end = Params.quantity(params, "rangeEnd", "cm-1", 1600);
        double exposure = Params.quantity(params, "exposure", "s", 10);
        if (Math.abs(laser - 532) > 1 && Math.abs(laser - 785) > 1) {
            throw new DeviceRefusal(422, "no " + laser + " nm laser; raman-1 has 532 and 785 nm");
        }
        if (!(power > 0 && power <= MAX_POWER_MW)) {
            throw new DeviceRefusal(422, "laser power " + power + " mW is outside 0–" + MAX_POWER_MW + " mW");
        }
        if (!(end > start && start >= 50 && end <= 4000) || !(exposure > 0 && exposure <= 600)) {
            throw new DeviceRefusal(422, "range " + start + "–" + end + " cm-1 or exposure " + exposure + " s is out of range");
        }
        return new Settings(laser, power, start, end, exposure);
    }
}
