package org.athanor.engine;

/**
 * Re-vets a step against live lab state just before it is sent (the safety gate plugs in here; the engine only
 * knows this interface). Called on a worker thread for every dispatch attempt.
 */
@FunctionalInterface
public interface DispatchCheck {

    DispatchVerdict check(StepContext context);

    DispatchCheck ALWAYS_PROCEED = c -> DispatchVerdict.PROCEED;
}
