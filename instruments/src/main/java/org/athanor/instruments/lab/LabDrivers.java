package org.athanor.instruments.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.instruments.Diffractometer;
import org.athanor.instruments.Dispenser;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.Furnace;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.Mixer;
import org.athanor.instruments.RamanSpectrometer;
import org.athanor.instruments.Transfer;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.LabConfig;
import org.athanor.instruments.config.Protocol;
import org.athanor.instruments.mqtt.MqttDiffractometer;
import org.athanor.instruments.mqtt.MqttRamanSpectrometer;
import org.athanor.instruments.opcua.OpcUaDispenser;
import org.athanor.instruments.opcua.OpcUaFurnace;
import org.athanor.instruments.opcua.OpcUaMixer;
import org.athanor.instruments.opcua.OpcUaTransfer;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * The drivers of a whole lab, opened from its configuration: one per instrument, chosen by kind and protocol, and
 * looked up by id and capability. This is the only place that knows which class drives which kind over which protocol.
 */
public final class LabDrivers implements AutoCloseable {

    private final Map<String, Instrument> byId;

    private LabDrivers(Map<String, Instrument> byId) {
        this.byId = byId;
    }

    /** Connects to every instrument of {@code lab}; if one cannot be reached, closes the others and throws. */
    public static LabDrivers open(LabConfig lab, ApprovalTokens approvals, DriverOptions options) {
        Map<String, Instrument> opened = new LinkedHashMap<>();
        try {
            for (InstrumentConfig i : lab.instruments()) {
                opened.put(i.id(), open(i, approvals, options));
            }
        } catch (RuntimeException e) {
            opened.values().forEach(Instrument::close);
            throw e;
        }
        return new LabDrivers(opened);
    }

    /** The driver for one instrument. */
    public static Instrument open(InstrumentConfig i, ApprovalTokens approvals, DriverOptions options) {
        return switch (i.kind()) {
            case DISPENSER -> requireProtocol(i, Protocol.OPCUA, () -> new OpcUaDispenser(i, approvals, options));
            case MIXER -> requireProtocol(i, Protocol.OPCUA, () -> new OpcUaMixer(i, approvals, options));
            case TRANSFER -> requireProtocol(i, Protocol.OPCUA, () -> new OpcUaTransfer(i, approvals, options));
            case FURNACE -> requireProtocol(i, Protocol.OPCUA, () -> new OpcUaFurnace(i, approvals, options));
            case DIFFRACTOMETER -> requireProtocol(i, Protocol.MQTT, () -> new MqttDiffractometer(i, approvals, options));
            case RAMAN -> requireProtocol(i, Protocol.MQTT, () -> new MqttRamanSpectrometer(i, approvals, options));
        };
    }

    private static Instrument requireProtocol(InstrumentConfig i, Protocol p, java.util.function.Supplier<Instrument> make) {
        if (i.protocol() != p) {
            throw new InstrumentException(i.id(), "no " + i.protocol().yaml() + " driver for a " + i.kind().yaml()
                    + " (available: " + p.yaml() + ")");
        }
        return make.get();
    }

    public Instrument instrument(String id) {
        Instrument i = byId.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no instrument '" + id + "' in this lab");
        }
        return i;
    }

    public List<Instrument> all() {
        return new ArrayList<>(byId.values());
    }

    public Dispenser dispenser(String id) {
        return as(id, Dispenser.class);
    }

    public Mixer mixer(String id) {
        return as(id, Mixer.class);
    }

    public Transfer transfer(String id) {
        return as(id, Transfer.class);
    }

    public Furnace furnace(String id) {
        return as(id, Furnace.class);
    }

    public Diffractometer diffractometer(String id) {
        return as(id, Diffractometer.class);
    }

    public RamanSpectrometer raman(String id) {
        return as(id, RamanSpectrometer.class);
    }

    private <T> T as(String id, Class<T> capability) {
        Instrument i = instrument(id);
        if (!capability.isInstance(i)) {
            throw new IllegalArgumentException("'" + id + "' is not a " + capability.getSimpleName());
        }
        return capability.cast(i);
    }

    @Override
    public void close() {
        byId.values().forEach(Instrument::close);
    }
}
