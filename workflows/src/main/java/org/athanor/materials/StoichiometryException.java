package org.athanor.materials;

/** The chosen precursors cannot make the target (an element is missing, left over, or over-supplied). */
public class StoichiometryException extends IllegalArgumentException {

    public StoichiometryException(String message) {
        super(message);
    }
}
