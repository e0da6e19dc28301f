package org.athanor.simulators.world;

/** A request the simulated world refuses (unknown material, empty inventory, unknown sample); the message says why. */
public class WorldException extends RuntimeException {
    public WorldException(String message) {
        super(message);
    }
}
