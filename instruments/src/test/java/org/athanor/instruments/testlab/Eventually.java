package org.athanor.instruments.testlab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded poll for integration tests: whether a condition becomes true within a limit (never a bare sleep). */
public final class Eventually {

    private Eventually() {
    }

    public static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
