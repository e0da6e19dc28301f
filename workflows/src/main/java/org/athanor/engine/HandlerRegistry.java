package org.athanor.engine;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/** The one registry through which every step kind is interpreted; an unknown kind is an error, never skipped. */
public final class HandlerRegistry {

    private final Map<Action, StepHandler> handlers = new EnumMap<>(Action.class);

    public static HandlerRegistry of(StepHandler... handlers) {
        HandlerRegistry r = new HandlerRegistry();
        for (StepHandler h : handlers) {
            r.register(h);
        }
        return r;
    }

    /** Registers a handler; a second handler for the same action is a configuration error. */
    public HandlerRegistry register(StepHandler handler) {
        StepHandler previous = handlers.putIfAbsent(handler.action(), handler);
        if (previous != null) {
            throw new IllegalStateException("two handlers for action '" + handler.action().json() + "': "
                    + previous.getClass().getName() + " and " + handler.getClass().getName());
        }
        return this;
    }

    public Optional<StepHandler> find(Action action) {
        return Optional.ofNullable(handlers.get(action));
    }

    public StepHandler handlerFor(Step step) {
        StepHandler h = step.action() == null ? null : handlers.get(step.action());
        if (h == null) {
            throw new UnknownActionException("step '" + step.id() + "': no handler for action '"
                    + (step.action() == null ? "(none)" : step.action().json()) + "'; registered: " + registered());
        }
        return h;
    }

    /** Checks every step of the workflow before anything moves. */
    public void requireHandlersFor(Workflow workflow) {
        workflow.steps().forEach(this::handlerFor);
    }

    public Collection<Action> registered() {
        return handlers.keySet();
    }
}
