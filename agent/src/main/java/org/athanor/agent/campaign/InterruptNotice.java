package org.athanor.agent.campaign;

import java.io.PrintStream;

/**
 * While a campaign runs, a stop of its process by a signal (Ctrl-C, SIGTERM) ends with a line that says what became of
 * the run and how to go on, instead of silence. The journal already holds everything done; nothing more is written.
 */
public final class InterruptNotice implements AutoCloseable {

    private final Thread hook;

    public InterruptNotice(String command, String runId, PrintStream err) {
        this.hook = new Thread(() -> err.println("athanor " + command + ": stopped by a signal; run " + runId
                + " is kept in the journal as it was: " + (command.equals("abort") ? "'athanor abort " + runId + "' ends it, " : "")
                + "'athanor resume " + runId + "' continues it"), "athanor-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the process is ending: the notice runs
        }
    }
}
