package org.athanor.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.athanor.engine.EngineEvent.Type;

/** Collects the event stream and waits (bounded) for events to appear. */
class Recorder implements EventListener, Journal {

    final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(EngineEvent event) {
    }

    @Override
    public void append(EngineEvent event) {
        events.add(event);
    }

    @Override
    public List<EngineEvent> events(String runId) {
        return events.stream().filter(e -> e.runId().equals(runId)).toList();
    }

    EngineEvent await(Predicate<EngineEvent> p, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (EngineEvent e : events) {
                if (p.test(e)) {
                    return e;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a bounded poll, not a sleep-and-hope
        }
        throw new AssertionError("no event within 10 s: " + what + "; saw " + types());
    }

    EngineEvent await(Type type, String stepId) {
        return await(e -> e.type() == type && (stepId == null || stepId.equals(e.stepId())), type.json() + " " + stepId);
    }

    List<EngineEvent> of(Type type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    int indexOf(Type type, String stepId) {
        for (int i = 0; i < events.size(); i++) {
            EngineEvent e = events.get(i);
            if (e.type() == type && (stepId == null || stepId.equals(e.stepId()))) {
                return i;
            }
        }
        return -1;
    }

    List<String> types() {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.type().json() + (e.stepId() == null ? "" : ":" + e.stepId())));
        return out;
    }
}
