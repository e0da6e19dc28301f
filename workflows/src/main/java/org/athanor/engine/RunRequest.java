package org.athanor.engine;

import java.util.Objects;
import org.athanor.workflow.Workflow;

/**
 * A vetted workflow to execute as one experiment of a run.
 *
 * @param runId      the run (campaign) id; pause, resume and abort address it
 * @param experiment the experiment's label within the run ({@code "3"}); with runId it names this execution
 * @param workflow   the vetted workflow
 * @param dryRun     true on the simulated lab
 */
public record RunRequest(String runId, String experiment, Workflow workflow, boolean dryRun) {
    public RunRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(workflow, "workflow");
    }
}
