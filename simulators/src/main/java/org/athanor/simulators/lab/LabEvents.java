package org.athanor.simulators.lab;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** What happened in the lab (door opened, fault injected, program finished); devices publish these. */
public final class LabEvents {

    /** One event: which instrument, what kind, when (lab time), and a sentence. */
    public record LabEvent(String instrumentId, String type, Instant time, String message) {
    }

    private final List<Consumer<LabEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<LabEvent> recent = new CopyOnWriteArrayList<>();

    public void emit(LabEvent event) {
        recent.add(event);
        if (recent.size() > 1000) {
            recent.remove(0);
        }
        for (Consumer<LabEvent> l : listeners) {
            l.accept(event);
        }
    }

    public void subscribe(Consumer<LabEvent> listener) {
        listeners.add(listener);
    }

    public List<LabEvent> recent() {
        return List.copyOf(recent);
    }
}
