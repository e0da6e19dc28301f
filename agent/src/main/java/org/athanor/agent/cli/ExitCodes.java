package org.athanor.agent.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    /** Success; for vet: every workflow approved. */
    public static final int OK = 0;
    /** The work ran and said no: a rejected workflow, a refused goal, a failed campaign. */
    public static final int REJECTED = 1;
    /** Unreadable or invalid input, or a command not built yet. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
