package org.athanor.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds which instrument. An instrument serves one load at a time; a load is one step, or for a furnace with
 * several slots, up to that many heat steps with compatible programs started together. Apart from who is working an
 * instrument, it also records which samples sit in it: a crucible loaded into a furnace occupies one of its slots from
 * the transfer that brings it until the transfer that takes it out, so a second run's robot never loads a hot furnace
 * or a full one. Used only on the engine's thread, so it needs no locking.
 */
final class Claims {

    private final Map<String, Integer> slots;
    private final Map<String, List<Execution.Slot>> held = new HashMap<>();
    private final Map<String, Long> busySince = new HashMap<>();
    private final Map<String, Long> busyNanos = new HashMap<>();
    private final Map<String, Set<String>> occupants = new HashMap<>();

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

    /** Whether {@code sample} may be brought into {@code instrument}: it is not working, and a slot is free for it. */
    boolean canReceive(String instrument, String sample) {
        Set<String> there = occupants.getOrDefault(instrument, Set.of());
        return isFree(instrument) && (there.contains(sample) || there.size() < capacity(instrument));
    }

    void occupy(String instrument, String sample) {
        occupants.computeIfAbsent(instrument, k -> new LinkedHashSet<>()).add(sample);
    }

    void vacate(String instrument, String sample) {
        Set<String> there = occupants.get(instrument);
        if (there != null && there.remove(sample) && there.isEmpty()) {
            occupants.remove(instrument);
        }
    }

    /** An execution that ended leaves no sample behind in the engine's books (its samples are marked if need be). */
    void vacateAll(String samplePrefix) {
        occupants.values().forEach(there -> there.removeIf(s -> s.startsWith(samplePrefix)));
        occupants.values().removeIf(Set::isEmpty);
    }
}
