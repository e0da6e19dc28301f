package org.athanor.instruments;

/**
 * A finished dose. {@code dispensedMg} is what the balance read (the doser scatters around the request); NaN when the
 * command was a duplicate whose result the device no longer holds.
 */
public record DispenseResult(String commandId, String sample, String material, double requestedMg, double dispensedMg,
                             boolean completed, boolean duplicate) {
}
