package org.athanor.simulators;

import java.time.Duration;
import java.util.Map;
import org.athanor.simulators.lab.Furnace;
import org.athanor.simulators.lab.SynthesisInstrument;
import org.athanor.simulators.mqtt.MqttDevice;

/**
 * Faults on demand, so drivers and the engine can be tested against a misbehaving lab:
 * <ul>
 *   <li>{@link #disconnect}: an MQTT device drops off without DISCONNECT (the broker publishes its Last Will); an
 *       OPC UA instrument stops its heartbeat and answers every method call with Bad_DeviceFailure.</li>
 *   <li>{@link #slowResponses} / {@link #missingResponses}: an MQTT device answers late, or not at all.</li>
 *   <li>{@link #deviceError}: a non-zero error code (OPC UA: state Aborted until Clear; MQTT: state error).</li>
 *   <li>{@link #stuckSensor}: a furnace thermocouple freezes at its reading.</li>
 *   <li>{@link #openDoor}: a door opens mid-run (furnace: heater interlock, program aborts with error 3).</li>
 * </ul>
 */
public final class Faults {

    private final Map<String, SynthesisInstrument> synthesis;
    private final Map<String, MqttDevice> devices;

    Faults(Map<String, SynthesisInstrument> synthesis, Map<String, MqttDevice> devices) {
        this.synthesis = synthesis;
        this.devices = devices;
    }

    public void disconnect(String instrumentId) {
        if (devices.containsKey(instrumentId)) {
            devices.get(instrumentId).dropConnection();
        } else {
            synthesis(instrumentId).setOnline(false);
        }
    }

    public void reconnect(String instrumentId) throws Exception {
        if (devices.containsKey(instrumentId)) {
            devices.get(instrumentId).connect();
        } else {
            synthesis(instrumentId).setOnline(true);
        }
    }

    public void slowResponses(String instrumentId, Duration labDelay) {
        device(instrumentId).setResponseDelay(labDelay);
    }

    public void missingResponses(String instrumentId, boolean missing) {
        device(instrumentId).setDropResponses(missing);
    }

    public void deviceError(String instrumentId, int code, String message) {
        if (code == 0) {
            throw new IllegalArgumentException("a device error needs a non-zero code; use clearDeviceError");
        }
        if (devices.containsKey(instrumentId)) {
            devices.get(instrumentId).fault(code, message);
        } else {
            synthesis(instrumentId).fault(code, message);
        }
    }

    /** Clears an MQTT device's error (OPC UA instruments are cleared by their Clear method, as a driver would). */
    public void clearDeviceError(String instrumentId) {
        device(instrumentId).fault(0, "");
    }

    public void stuckSensor(String furnaceId, boolean stuck) {
        furnace(furnaceId).setStuckSensor(stuck);
    }

    public void openDoor(String instrumentId) {
        if (devices.containsKey(instrumentId)) {
            devices.get(instrumentId).openDoor();
        } else {
            furnace(instrumentId).openDoorMidRun();
        }
    }

    private SynthesisInstrument synthesis(String id) {
        SynthesisInstrument it = synthesis.get(id);
        if (it == null) {
            throw new IllegalArgumentException("no instrument '" + id + "' in the simulated lab");
        }
        return it;
    }

    private Furnace furnace(String id) {
        if (synthesis(id) instanceof Furnace f) {
            return f;
        }
        throw new IllegalArgumentException("'" + id + "' is not a furnace");
    }

    private MqttDevice device(String id) {
        MqttDevice d = devices.get(id);
        if (d == null) {
            throw new IllegalArgumentException("'" + id + "' is not an MQTT device (slow/missing responses apply to xrd-1, raman-1)");
        }
        return d;
    }
}
