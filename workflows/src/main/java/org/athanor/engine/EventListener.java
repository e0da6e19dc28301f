package org.athanor.engine;

/**
 * Receives the engine's events in the order they happened, on the engine's own thread: a listener must return
 * quickly and hand slow work to an executor.
 */
@FunctionalInterface
public interface EventListener {
    void on(EngineEvent event);
}
