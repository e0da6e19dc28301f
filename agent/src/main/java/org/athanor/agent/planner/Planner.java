package org.athanor.agent.planner;

/** Turns a goal in a scientist's words into a vetted plan or a refusal. */
public interface Planner {

    PlanResult plan(String goal);
}
