package org.athanor.instruments;

import java.util.function.Consumer;

/**
 * What every instrument driver offers besides its capability: its id (as in the lab configuration and in workflow
 * steps), whether it is online, and a live snapshot of its state. Listeners run on the driver's own executor, never on
 * a Milo or Paho thread, and must not block for long.
 */
public interface Instrument extends AutoCloseable {

    String id();

    /** Connected, and the device's heartbeat or status is current. */
    default boolean isOnline() {
        return state().online();
    }

    /** The latest known state; never null (before the first contact: online=false, state "unknown"). */
    InstrumentState state();

    /** Registers a listener called after every state change. */
    void onStateChange(Consumer<InstrumentState> listener);

    /** Disconnects; the driver cannot be used afterwards. */
    @Override
    void close();
}
