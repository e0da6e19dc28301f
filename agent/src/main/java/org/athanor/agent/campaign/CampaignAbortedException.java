package org.athanor.agent.campaign;

/** The campaign cannot go on (lab unreachable, operator abort, a fault that pauses every run); the message says why. */
public class CampaignAbortedException extends Exception {

    public CampaignAbortedException(String message) {
        super(message);
    }

    public CampaignAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
