package org.athanor.workflow;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One synthesis-and-characterisation workflow (schema {@code urn:athanor:workflow:1}). A plan is data: it is checked,
 * simulated and stored before anything moves. Workflow code never calls a driver.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Workflow(
        int schemaVersion,
        String id,
        String goal,
        Target target,
        Constraints constraints,
        List<Step> steps,
        @JsonIgnore Map<String, Object> extensions) {

    public static final int SCHEMA_VERSION = 1;

    public Workflow {
        steps = List.copyOf(steps);
        extensions = extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Workflow(String id, String goal, Target target, Constraints constraints, List<Step> steps) {
        this(SCHEMA_VERSION, id, goal, target, constraints, steps, Map.of());
    }

    /** Properties outside the named ones, kept for round trips. */
    @JsonAnyGetter
    public Map<String, Object> jsonExtensions() {
        return extensions;
    }

    @JsonIgnore
    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    @JsonIgnore
    public List<Step> stepsOf(Action action) {
        return steps.stream().filter(s -> s.action() == action).toList();
    }

    @JsonIgnore
    public Constraints constraintsOrNone() {
        return constraints == null ? Constraints.NONE : constraints;
    }

    /**
     * The ids a step waits for: its {@code after} list, or else the previous step in the list (schema rule).
     */
    public List<String> predecessors(Step step) {
        if (step.after() != null) {
            return step.after();
        }
        int i = steps.indexOf(step);
        return i <= 0 ? List.of() : List.of(steps.get(i - 1).id());
    }

    public Workflow withSteps(List<Step> newSteps) {
        return new Workflow(schemaVersion, id, goal, target, constraints, newSteps, extensions);
    }

    /**
     * The same workflow on another instrument: every step on {@code instrument} moves to {@code replacement}, and
     * transfers to or from it go to or from the replacement (e.g. an experiment moved to an equivalent furnace).
     */
    public Workflow withInstrumentReplaced(String instrument, String replacement) {
        if (instrument.equals(replacement)) {
            return this;
        }
        return mapSteps(s -> {
            Step out = instrument.equals(s.instrument()) ? s.withInstrument(replacement) : s;
            if (s.action() == Action.TRANSFER) {
                for (String end : List.of("from", "to")) {
                    if (instrument.equals(s.params().get(end))) {
                        out = out.withParam(end, replacement);
                    }
                }
            }
            return out;
        });
    }

    public Workflow mapSteps(UnaryOperator<Step> f) {
        return withSteps(steps.stream().map(f).toList());
    }

    public Workflow withExtension(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new Workflow(schemaVersion, id, goal, target, constraints, steps, copy);
    }

}
