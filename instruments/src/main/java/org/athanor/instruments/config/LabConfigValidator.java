package org.athanor.instruments.config;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks a lab file must pass beyond its shape; each failure points at the line of the offending value. */
final class LabConfigValidator {

    private static final Set<String> POLICIES = Set.of("None", "Basic128Rsa15", "Basic256", "Basic256Sha256",
            "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss");
    private static final Set<String> MODES = Set.of("None", "Sign", "SignAndEncrypt");
    private static final Set<String> GASES = Set.of("air", "O2", "N2", "Ar", "He", "CO2", "H2", "H2/Ar", "H2/N2", "vacuum");
    private static final Set<String> NODE_NAMES = Set.of("heartbeat", "errorCode", "errorMessage", "state", "lastCommandId",
            "result", "door", "occupancy", "occupants", "temperature", "temperatureTarget", "gasFlow", "gasFlowTarget",
            "atmosphere", "inventory", "model", "serialNumber", "start", "stop", "abort", "clear", "dispense", "mix",
            "transfer", "setDoor", "startProgram");

    private final String file;
    private final YamlLocations locations;

    LabConfigValidator(String file, YamlLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    void validate(LabConfig config) {
        if (config.instruments().isEmpty()) {
            throw error("/instruments", "a lab needs at least one instrument under 'instruments'");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < config.instruments().size(); i++) {
            InstrumentConfig ic = config.instruments().get(i);
            String at = "/instruments/" + i;
            if (ic == null) {
                throw error(at, "empty instrument entry");
            }
            if (ic.id() == null || ic.id().isBlank()) {
                throw error(at, "instrument " + (i + 1) + " has no 'id'");
            }
            Integer previous = seen.putIfAbsent(ic.id(), i);
            if (previous != null) {
                JsonLocation first = locations.at("/instruments/" + previous + "/id");
                throw error(at + "/id", "duplicate instrument id '" + ic.id() + "' (first defined at line "
                        + (first == null ? "?" : first.getLineNr()) + ")");
            }
            validateInstrument(ic, at);
        }
        for (int i = 0; i < config.crucibles().size(); i++) {
            CrucibleSpec c = config.crucibles().get(i);
            String at = "/crucibles/" + i;
            if (c.material() == null) {
                throw error(at, "crucible " + (i + 1) + " has no 'material'");
            }
            if (c.capacityG() == null || !(c.capacityG() > 0)) {
                throw error(at + "/capacityG", "crucible '" + c.material() + "' needs a positive capacityG");
            }
        }
        config.inventory().forEach((material, grams) -> {
            if (grams == null || grams < 0) {
                throw error("/inventory/" + material, "inventory of '" + material + "' must be a non-negative number of grams");
            }
        });
    }

    private void validateInstrument(InstrumentConfig ic, String at) {
        String id = ic.id();
        if (ic.kind() == null) {
            throw error(at, "instrument '" + id + "' has no 'kind'");
        }
        if (ic.protocol() == null) {
            throw error(at, "instrument '" + id + "' has no 'protocol' (opcua or mqtt)");
        }
        if (ic.endpoint() == null || ic.endpoint().isBlank()) {
            throw error(at, "instrument '" + id + "' has no 'endpoint'");
        }
        if (ic.protocol() == Protocol.OPCUA && !ic.endpoint().startsWith("opc.tcp://")) {
            throw error(at + "/endpoint", "OPC UA endpoint of '" + id + "' must start with opc.tcp://, was '" + ic.endpoint() + "'");
        }
        if (ic.protocol() == Protocol.MQTT && !(ic.endpoint().startsWith("tcp://") || ic.endpoint().startsWith("ssl://"))) {
            throw error(at + "/endpoint", "MQTT broker of '" + id + "' must start with tcp:// or ssl://, was '" + ic.endpoint() + "'");
        }
        for (int c = 0; c < ic.capabilities().size(); c++) {
            String cap = ic.capabilities().get(c);
            if (!ic.kind().capabilities().contains(cap)) {
                throw error(at + "/capabilities/" + c, "a " + ic.kind().yaml() + " cannot '" + cap + "' (it can: "
                        + String.join(", ", ic.kind().capabilities()) + ")");
            }
        }
        OpcUaSettings ua = ic.opcua();
        if (!POLICIES.contains(ua.policy())) {
            throw error(at + "/opcua/securityPolicy", "unknown OPC UA security policy '" + ua.policy() + "' (" + String.join(", ", POLICIES) + ")");
        }
        if (!MODES.contains(ua.mode())) {
            throw error(at + "/opcua/securityMode", "unknown OPC UA security mode '" + ua.mode() + "' (None, Sign, SignAndEncrypt)");
        }
        if ("None".equals(ua.policy()) != "None".equals(ua.mode())) {
            throw error(at + "/opcua", "security policy " + ua.policy() + " does not go with mode " + ua.mode());
        }
        if (!Set.of("anonymous", "username").contains(ua.identityType())) {
            throw error(at + "/opcua/identity", "unknown OPC UA identity '" + ua.identityType() + "' (anonymous or username)");
        }
        if ("username".equals(ua.identityType()) && (ic.credentials() == null || ic.credentials().username() == null)) {
            throw error(at + "/opcua/identity", "identity 'username' needs credentials.username and passwordEnv or passwordFile");
        }
        Credentials cr = ic.credentials();
        if (cr != null && cr.passwordEnv() != null && cr.passwordFile() != null) {
            throw error(at + "/credentials", "give passwordEnv or passwordFile, not both");
        }
        ic.nodes().forEach((name, ref) -> {
            if (!NODE_NAMES.contains(name)) {
                throw error(at + "/nodes/" + name, "unknown capability node '" + name + "' (known: " + String.join(", ",
                        NODE_NAMES.stream().sorted().toList()) + ")");
            }
        });
        validateLimits(ic, at + "/limits");
    }

    private void validateLimits(InstrumentConfig ic, String at) {
        Limits l = ic.limits();
        String id = ic.id();
        switch (ic.kind()) {
            case DISPENSER -> {
                need(l.minDoseMg(), at, id, "minDoseMg");
                need(l.maxDoseMg(), at, id, "maxDoseMg");
                if (l.minDoseMg() > l.maxDoseMg()) {
                    throw error(at + "/minDoseMg", "minDoseMg " + l.minDoseMg() + " exceeds maxDoseMg " + l.maxDoseMg());
                }
            }
            case MIXER -> need(l.maxDurationMin(), at, id, "maxDurationMin");
            case TRANSFER -> need(l.maxPickTemperatureC(), at, id, "maxPickTemperatureC");
            case FURNACE -> {
                need(l.maxTemperatureC(), at, id, "maxTemperatureC");
                need(l.maxRampCPerMin(), at, id, "maxRampCPerMin");
                need(l.slots(), at, id, "slots");
                if (l.gases() == null || l.gases().isEmpty()) {
                    throw error(at, "furnace '" + id + "' needs limits.gases");
                }
                List<String> gases = l.gases();
                for (int g = 0; g < gases.size(); g++) {
                    if (!GASES.contains(gases.get(g))) {
                        throw error(at + "/gases/" + g, "unknown gas '" + gases.get(g) + "' (" + String.join(", ", GASES) + ")");
                    }
                }
                if (gases.stream().anyMatch(g -> g.startsWith("H2")) && l.maxH2Percent() == null) {
                    throw error(at, "furnace '" + id + "' allows H2 mixtures and so needs limits.maxH2Percent");
                }
            }
            case DIFFRACTOMETER -> {
                need(l.twoThetaMinDeg(), at, id, "twoThetaMinDeg");
                need(l.twoThetaMaxDeg(), at, id, "twoThetaMaxDeg");
                if (l.twoThetaMinDeg() >= l.twoThetaMaxDeg()) {
                    throw error(at + "/twoThetaMinDeg", "2θ range is empty: " + l.twoThetaMinDeg() + "–" + l.twoThetaMaxDeg());
                }
            }
            case RAMAN -> {
                if (l.lasers() == null || l.lasers().isEmpty()) {
                    throw error(at, "Raman spectrometer '" + id + "' needs limits.lasers");
                }
            }
        }
    }

    private void need(Object value, String at, String id, String field) {
        if (value == null) {
            throw error(at, "'" + id + "' needs limits." + field);
        }
        if (value instanceof Number n && !(n.doubleValue() > 0) && !field.equals("twoThetaMinDeg")) {
            throw error(at + "/" + field, "limits." + field + " of '" + id + "' must be positive, was " + n);
        }
    }

    private LabConfigException error(String pointer, String reason) {
        JsonLocation l = locations.at(pointer);
        return new LabConfigException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), reason, null);
    }
}
