package org.athanor.safety.lab;

/** A lab configuration that cannot be read; the message names the file and the field. */
public class LabConfigException extends IllegalArgumentException {

    public LabConfigException(String message) {
        super(message);
    }
}
