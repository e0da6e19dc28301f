package org.athanor.instruments;

import java.time.Instant;

/**
 * A finished furnace program: whether it ran to the end (false when stopped, aborted or faulted), the highest
 * temperature the furnace reached, and the lab time it ended (cooled to ≤ 100 °C, PROTOCOL.md).
 */
public record FurnaceProgramResult(String commandId, boolean completed, double maxTemperatureC, Instant endTime,
                                   boolean duplicate) {
}
