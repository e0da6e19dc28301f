package org.athanor.engine;

/** What the instrument says about a command that was in flight during a crash. */
public sealed interface Reconciliation {

    NotFinished NOT_FINISHED = new NotFinished();

    /** The command finished; here is its result (with any measurements the instrument kept). */
    record Finished(StepResult result) implements Reconciliation {
    }

    /**
     * The command never arrived or is still running: re-send it with the same command id; the instrument either
     * starts it or attaches to the running one and does nothing again.
     */
    record NotFinished() implements Reconciliation {
    }

    /** The command was cut off (a heating program stopped part-way): the sample is marked and the campaign decides. */
    record Interrupted(String reason) implements Reconciliation {
    }
}
