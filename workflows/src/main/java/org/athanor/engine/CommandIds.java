package org.athanor.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic command ids: the same (run, experiment, step, attempt) always gives the same id, so a command
 * re-sent after a crash is recognised by the instrument as a duplicate (PROTOCOL.md: "a repeated id returns the
 * first result and does nothing again"). A new attempt after a fault gets a new id on purpose.
 */
public final class CommandIds {

    private CommandIds() {
    }

    public static String of(String runId, String experiment, String stepId, int attempt) {
        String name = "athanor:" + runId + "/" + (experiment == null ? "" : experiment) + "/" + stepId + "#" + attempt;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
