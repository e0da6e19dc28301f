package org.athanor.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds which instrument. An instrument serves one load at a time; a load is one step, or for a furnace with
 * several slots, up to that many heat steps with compatible programs started together. Used only on the engine's
 * thread, so it needs no locking.
 */
final class Claims {

    private final Map<String, Integer> slots;
    private final Map<String, List<Execution.Slot>> held = new HashMap<>();
    private final Map<String, Long> busySince = new HashMap<>();
    private final Map<String, Long> busyNanos = new HashMap<>();

    Claims(Map<String, Integer> slots) {
        this.slots = Map.copyOf(slots);
    }

    int capacity(String instrument) {
        return slots.getOrDefault(instrument, 1);
    }

    boolean isFree(String instrument) {
        return !held.containsKey(instrument);
    }

    void take(String instrument, List<Execution.Slot> load, long nowNanos) {
        if (held.putIfAbsent(instrument, List.copyOf(load)) != null) {
            throw new IllegalStateException("instrument " + instrument + " is already claimed");
        }
        busySince.put(instrument, nowNanos);
    }

    void release(String instrument, long nowNanos) {
        if (held.remove(instrument) != null) {
            Long since = busySince.remove(instrument);
            busyNanos.merge(instrument, nowNanos - since, Long::sum);
        }
    }

    /** Lab-clock nanoseconds each instrument has been claimed so far (for utilisation figures). */
    Map<String, Long> busyNanos() {
        return Map.copyOf(busyNanos);
    }
}
