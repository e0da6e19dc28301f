package org.athanor.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.athanor.workflow.Action;

/** A handler for tests: records every call and the peak number of concurrent calls per instrument. */
class FakeHandler implements StepHandler {

    interface Behaviour {
        StepResult run(StepContext c) throws InstrumentFault, InterruptedException;
    }

    final Action action;
    final List<StepContext> calls = new CopyOnWriteArrayList<>();
    final List<StepContext> aborts = new CopyOnWriteArrayList<>();
    final List<StepContext> acknowledged = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    volatile Behaviour behaviour;

    FakeHandler(Action action, Behaviour behaviour) {
        this.action = action;
        this.behaviour = behaviour;
    }

    static FakeHandler instant(Action action) {
        return new FakeHandler(action, c -> StepResult.EMPTY);
    }

    @Override
    public Action action() {
        return action;
    }

    @Override
    public StepResult execute(StepContext c) throws InstrumentFault, InterruptedException {
        calls.add(c);
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            return behaviour.run(c);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void abort(StepContext c) {
        aborts.add(c);
    }

    @Override
    public void acknowledge(StepContext c, StepResult r) {
        acknowledged.add(c);
    }

    List<String> stepIds() {
        return calls.stream().map(c -> c.step().id()).toList();
    }
}
