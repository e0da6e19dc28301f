package org.athanor.units;

/** A unit that is unknown, or a conversion between different dimensions. */
public class UnitException extends IllegalArgumentException {

    public UnitException(String message) {
        super(message);
    }
}
