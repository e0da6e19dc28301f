package org.athanor.instruments.opcua;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.instruments.InstrumentState;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;

/** Turns the monitored values of one instrument (by logical node name) into an {@link InstrumentState}. */
final class OpcUaLiveState {

    private static final List<String> EXTRA = List.of("atmosphere", "inventory", "occupants", "temperatureTarget", "gasFlow");

    private OpcUaLiveState() {
    }

    static InstrumentState snapshot(String id, Map<String, Object> values, boolean online, Instant receivedAt) {
        Map<String, String> extra = new HashMap<>();
        for (String k : EXTRA) {
            Object v = values.get(k);
            if (v != null) {
                extra.put(k, v.toString());
            }
        }
        return new InstrumentState(id, online, str(values.get("state")),
                values.get("heartbeat") instanceof Instant i ? i : null,
                values.get("door") instanceof Boolean b ? b : null,
                values.get("temperature") instanceof Number n ? n.doubleValue() : null,
                values.get("occupancy") instanceof Number n ? n.intValue() : null, null,
                values.get("errorCode") instanceof Number n ? n.intValue() : 0, str(values.get("errorMessage")),
                str(values.get("lastCommandId")), receivedAt, extra);
    }

    /** The Java value of an OPC UA value; DateTime becomes an Instant. */
    static Object toJava(DataValue value) {
        Object v = value.getValue() == null ? null : value.getValue().getValue();
        return v instanceof DateTime d ? d.getJavaInstant() : v;
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
