package org.athanor.instruments;

/**
 * What goes on the wire with every instrument command (instruments/PROTOCOL.md): the idempotency key and the safety
 * gate's approval. A device that sees a {@code commandId} again answers "duplicate" and does nothing again.
 */
public record Command(String commandId, String approvalToken) {

    public Command {
        if (commandId == null || commandId.isBlank()) {
            throw new IllegalArgumentException("a command needs a commandId");
        }
    }
}
