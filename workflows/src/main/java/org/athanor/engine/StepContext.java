package org.athanor.engine;

import java.util.List;
import org.athanor.clock.LabClock;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/**
 * Everything a handler needs to carry out one step attempt.
 *
 * @param runId      the run
 * @param experiment the experiment within the run
 * @param workflow   the whole workflow (a handler may read sibling steps, never change them)
 * @param step       the step to carry out
 * @param attempt    1 for the first dispatch, then 2, 3, ... after faults
 * @param commandId  the idempotent id to send with the instrument command ({@link CommandIds})
 * @param load       for a furnace program: every step sharing this load (compatible heat profiles, one program);
 *                   otherwise just {@code step}
 * @param clock      the lab's clock
 * @param dryRun     true when the lab is simulated
 */
public record StepContext(String runId, String experiment, Workflow workflow, Step step, int attempt, String commandId,
                          List<Step> load, LabClock clock, boolean dryRun) {

    public StepContext {
        load = List.copyOf(load);
    }

    /** The sample ids of the load (one per crucible for a furnace program). */
    public List<String> samples() {
        return load.stream().map(Step::sample).filter(s -> s != null).distinct().toList();
    }
}
