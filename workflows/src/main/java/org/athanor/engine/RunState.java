package org.athanor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;

/**
 * A run's state rebuilt from its journaled events: what the engine needs to resume it after a crash without
 * repeating a finished step or losing a measurement.
 */
public record RunState(String runId, Map<String, Experiment> experiments, boolean paused, String pauseReason) {

    public enum StepStatus { DISPATCHED, COMPLETED, FAILED, INTERRUPTED, SKIPPED }

    /** The last known attempt of a step. */
    public record StepRecord(String stepId, StepStatus status, int attempt, String commandId) {
    }

    /** One experiment (one workflow execution) of the run. */
    public record Experiment(String experiment, String workflowJson, Map<String, StepRecord> steps,
                             List<EngineEvent> measurements, Map<String, String> markedSamples, String finishedStatus) {

        public Optional<Workflow> workflow() {
            return workflowJson == null ? Optional.empty() : Optional.of(WorkflowJson.read(workflowJson, "journal"));
        }

        public boolean finished() {
            return finishedStatus != null;
        }

        /** Steps dispatched with no recorded end: they may be in flight on an instrument. */
        public List<StepRecord> inFlight() {
            return steps.values().stream().filter(s -> s.status() == StepStatus.DISPATCHED).toList();
        }

        public StepStatus status(String stepId) {
            StepRecord r = steps.get(stepId);
            return r == null ? null : r.status();
        }
    }

    public RunState {
        experiments = Collections.unmodifiableMap(new LinkedHashMap<>(experiments));
    }

    public boolean isEmpty() {
        return experiments.isEmpty();
    }

    public List<Experiment> unfinished() {
        return experiments.values().stream().filter(e -> !e.finished()).toList();
    }

    public static RunState replay(String runId, List<EngineEvent> events) {
        Map<String, Builder> byExperiment = new LinkedHashMap<>();
        boolean paused = false;
        String pauseReason = null;
        for (EngineEvent e : events) {
            if (e.type() == EngineEvent.Type.RUN_PAUSED && e.experiment() == null) {
                paused = true;
                pauseReason = e.text("reason");
            } else if (e.type() == EngineEvent.Type.RUN_RESUMED && e.experiment() == null) {
                paused = false;
                pauseReason = null;
            }
            if (e.experiment() == null) {
                continue;
            }
            Builder b = byExperiment.computeIfAbsent(e.experiment(), Builder::new);
            b.apply(e);
        }
        Map<String, Experiment> out = new LinkedHashMap<>();
        byExperiment.forEach((k, b) -> out.put(k, b.build()));
        return new RunState(runId, out, paused, pauseReason);
    }

    private static final class Builder {
        final String experiment;
        String workflowJson;
        final Map<String, StepRecord> steps = new LinkedHashMap<>();
        final List<EngineEvent> measurements = new ArrayList<>();
        final Map<String, String> marked = new LinkedHashMap<>();
        String finished;

        Builder(String experiment) {
            this.experiment = experiment;
        }

        void apply(EngineEvent e) {
            switch (e.type()) {
                case RUN_STARTED -> workflowJson = e.text("workflow");
                case RUN_FINISHED -> finished = e.text("status");
                case STEP_DISPATCHED -> steps.put(e.stepId(), new StepRecord(e.stepId(), StepStatus.DISPATCHED, attempt(e), e.commandId()));
                case STEP_COMPLETED -> steps.put(e.stepId(), new StepRecord(e.stepId(), StepStatus.COMPLETED, attempt(e), e.commandId()));
                case STEP_FAILED -> steps.put(e.stepId(), new StepRecord(e.stepId(),
                        "true".equals(e.text("interrupted")) ? StepStatus.INTERRUPTED : StepStatus.FAILED, attempt(e), e.commandId()));
                case SAMPLE_MARKED -> {
                    marked.put(e.text("sample"), e.text("reason"));
                    if (e.data().get("skippedSteps") instanceof List<?> skipped) {
                        skipped.forEach(id -> steps.put(String.valueOf(id), new StepRecord(String.valueOf(id), StepStatus.SKIPPED, 0, null)));
                    }
                }
                case MEASUREMENT -> measurements.add(e);
                default -> {
                }
            }
        }

        static int attempt(EngineEvent e) {
            Object a = e.data().get("attempt");
            return a instanceof Number n ? n.intValue() : a == null ? 1 : Integer.parseInt(String.valueOf(a));
        }

        Experiment build() {
            return new Experiment(experiment, workflowJson, Collections.unmodifiableMap(new LinkedHashMap<>(steps)), List.copyOf(measurements),
                    Collections.unmodifiableMap(new LinkedHashMap<>(marked)), finished);
        }
    }
}
