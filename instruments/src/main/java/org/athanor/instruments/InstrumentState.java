package org.athanor.instruments;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of what a driver knows about its instrument right now, from subscriptions (OPC UA) or status messages
 * (MQTT). {@code heartbeat} is the device's own lab-clock time of its last heartbeat; {@code receivedAt} is the
 * wall-clock instant the driver last heard from it. Fields a kind does not have are null.
 *
 * @param state       device state: OPC UA LADS state ({@code Stopped}, {@code Running}, {@code Aborted}, ...) or MQTT
 *                    ({@code idle}, {@code busy}, {@code error}, {@code offline})
 * @param interlock   MQTT instruments: {@code ok}, {@code open} or {@code fault}
 * @param extra       anything else the device publishes (inventory, occupants, atmosphere)
 */
public record InstrumentState(String id, boolean online, String state, Instant heartbeat, Boolean doorOpen,
                              Double temperatureC, Integer occupancy, String interlock, int errorCode, String errorMessage,
                              String lastCommandId, Instant receivedAt, Map<String, String> extra) {

    public InstrumentState {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static InstrumentState unknown(String id) {
        return new InstrumentState(id, false, "unknown", null, null, null, null, null, 0, null, null, null, Map.of());
    }

    /** Lab time since the device's last heartbeat, measured against {@code labNow}; empty before the first one. */
    public Optional<Duration> heartbeatAge(Instant labNow) {
        return heartbeat == null ? Optional.empty() : Optional.of(Duration.between(heartbeat, labNow));
    }

    public boolean faulted() {
        return errorCode != 0;
    }
}
