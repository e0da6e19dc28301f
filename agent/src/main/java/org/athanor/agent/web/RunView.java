package org.athanor.agent.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.athanor.agent.journal.JdbcJournal.Stored;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;

/**
 * What the web shows of one campaign, read from its journaled events: goal and settings, each experiment's result and
 * decision, whether an operator paused it, who last took it up from the journal after an interruption and why, how it
 * stopped. Events are fed in journal order ({@link #accept}) and only
 * what the views need is kept (never a measurement's data), so a view follows a running campaign cheaply.
 *
 * <p>Whether a process drives the run now is not in the journal; {@link #status} takes it as {@link Process}.
 */
final class RunView {

    /**
     * What the journal cannot say: whether a process drives the run and takes operator requests ({@code live}), or is
     * on its way there ({@code launching}: started by the web, or starting its simulated lab), and what it printed.
     */
    record Process(boolean live, boolean launching, Optional<String> consoleTail) {
        static Process idle() {
            return new Process(false, false, Optional.empty());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CAMPAIGN_STARTED = "campaign-started";

    private final String id;
    private long lastSeq;
    private String goal;
    private String strategy;
    private Integer budget;
    private Double targetFraction;
    private Map<String, Object> design;
    private Map<String, Object> plan;
    private List<String> notes = List.of();
    private boolean dryRun = true;
    private Instant startedAt;
    private Instant lastEventAt;
    private String pauseReason;
    private String stopReason;
    private String stopExplanation;
    private Map<String, Object> resumed;
    private final Map<Integer, Map<String, Object>> proposed = new TreeMap<>();
    private final Map<Integer, Map<String, Object>> results = new TreeMap<>();
    private final Map<Integer, String> decisions = new TreeMap<>();

    RunView(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The journal position of the last event taken in; a reader asks for the events after it. */
    long lastSeq() {
        return lastSeq;
    }

    /** What the web asked for, shown until the campaign journals its own settings (or when it never could). */
    void asked(CampaignLauncher.Launch launch) {
        if (goal == null) {
            goal = launch.goal();
            strategy = launch.strategy();
            budget = launch.budget();
        }
    }

    /** Takes in the next event of the run (events come in journal order). */
    void accept(Stored stored) {
        lastSeq = Math.max(lastSeq, stored.seq());
        EngineEvent e = stored.event();
        if (startedAt == null || e.time().isBefore(startedAt)) {
            startedAt = e.time();
        }
        if (lastEventAt == null || e.time().isAfter(lastEventAt)) {
            lastEventAt = e.time();
        }
        Map<String, Object> d = e.data();
        switch (e.type()) {
            case RUN_STARTED -> dryRun = !Boolean.FALSE.equals(d.get("dryRun"));
            case RUN_PAUSED -> {
                // A fault that strikes a run an operator holds names its experiment; the operator's reason stands.
                if (e.experiment() == null && (pauseReason == null || d.get("experiment") == null)) {
                    pauseReason = e.text("reason");
                }
            }
            case RUN_RESUMED -> {
                if (e.experiment() == null) {
                    pauseReason = null;
                }
            }
            case ANALYSIS -> {
                if ("experiment".equals(e.text("kind")) && d.get("index") instanceof Number n) {
                    results.put(n.intValue(), d);
                }
            }
            case DECISION -> decision(e, d);
            default -> {
            }
        }
    }

    private void decision(EngineEvent e, Map<String, Object> d) {
        String kind = e.text("kind");
        if (kind == null) {
            return;
        }
        switch (kind) {
            case CAMPAIGN_STARTED -> {
                goal = e.text("goal");
                strategy = e.text("strategy");
                budget = d.get("budget") instanceof Number n ? n.intValue() : null;
                targetFraction = d.get("targetFraction") instanceof Number n ? n.doubleValue() : null;
                design = map(d.get("design"));
                plan = parse(e.text("plan"));
                notes = d.get("notes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            }
            case "proposed" -> {
                if (d.get("index") instanceof Number n) {
                    proposed.put(n.intValue(), map(d.get("parameters")));
                }
            }
            case "next" -> index(e.experiment()).ifPresent(i -> decisions.put(i, e.text("decision")));
            case "campaign-resumed" -> {
                resumed = new LinkedHashMap<>();
                resumed.put("by", e.text("by"));
                resumed.put("reason", e.text("reason"));
                resumed.put("at", e.text("at"));
            }
            case "campaign-stopped" -> {
                stopReason = e.text("stopReason");
                stopExplanation = e.text("explanation");
            }
            default -> {
            }
        }
    }

    /**
     * The run's state in the lab's words: {@code finished} or {@code aborted} once the campaign journaled how it
     * stopped; {@code paused} or {@code running} while a process drives it; {@code starting} while its process is on
     * its way (the web launched it, or it is starting the lab); {@code interrupted} when it has events but no process
     * and no end (resumable); {@code failed} when it ended before journaling anything.
     */
    String status(Process process) {
        if (stopReason != null) {
            return "aborted".equals(stopReason) ? "aborted" : "finished";
        }
        if (process.live()) {
            return pauseReason != null ? "paused" : "running";
        }
        if (process.launching()) {
            return "starting";
        }
        return lastSeq > 0 ? "interrupted" : "failed";
    }

    /** Why the run is in its state, when that needs saying (a pause, an interruption, a failure). */
    private String statusReason(String status, Process process) {
        return switch (status) {
            case "paused" -> pauseReason;
            case "interrupted" -> "no process drives this run and it has not finished; resume continues it from the journal, abort ends it there";
            case "failed" -> "the campaign ended before it journaled anything";
            default -> null;
        };
    }

    /** The row of the runs table. */
    Map<String, Object> summary(Process process) {
        String status = status(process);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("goal", goal);
        m.put("target", target());
        m.put("status", status);
        m.put("statusReason", statusReason(status, process));
        m.put("stopReason", stopReason);
        m.put("stopExplanation", stopExplanation);
        m.put("resumed", resumed);
        m.put("experiments", results.size());
        m.put("budget", budget);
        m.put("strategy", strategy);
        m.put("targetFraction", targetFraction);
        m.put("best", best());
        m.put("startedAt", startedAt == null ? null : startedAt.toString());
        m.put("lastEventAt", lastEventAt == null ? null : lastEventAt.toString());
        return m;
    }

    /** The run page: the summary, the plan and search space, each experiment's result, the experiments under way. */
    Map<String, Object> detail(Process process) {
        Map<String, Object> m = summary(process);
        m.put("dryRun", dryRun);
        m.put("plan", plan);
        m.put("design", design);
        m.put("notes", notes);
        List<Map<String, Object>> rows = new ArrayList<>();
        results.forEach((index, r) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", index);
            row.put("parameters", r.get("parameters"));
            row.put("verdict", r.get("verdict"));
            row.put("phases", phasesAsPlanned(r.get("phases")));
            // Only an approved, analysed experiment measured anything: a failed or lost one's 0 is no result (as the report's n/a).
            row.put("targetFraction", measured(r) ? r.get("targetFraction") : null);
            row.put("rwp", r.get("rwp"));
            row.put("notes", r.getOrDefault("notes", List.of()));
            row.put("decision", decisions.get(index));
            row.put("plot", r.get("plot") == null ? null : "/api/runs/" + id + "/plots/" + index);
            row.put("recheck", r.get("recheck"));
            rows.add(row);
        });
        m.put("results", rows);
        List<Map<String, Object>> underWay = new ArrayList<>();
        proposed.forEach((index, parameters) -> {
            if (!results.containsKey(index)) {
                underWay.add(Map.of("index", index, "parameters", parameters));
            }
        });
        m.put("underWay", "finished".equals(m.get("status")) || "aborted".equals(m.get("status")) ? List.of() : underWay);
        m.put("consoleTail", process.consoleTail().orElse(null));
        return m;
    }

    /** The journaled path of an experiment's XRD plot. */
    Optional<String> plotPath(int index) {
        return Optional.ofNullable(results.get(index)).map(r -> r.get("plot")).map(String::valueOf);
    }

    private Map<String, Object> best() {
        Integer bestIndex = null;
        double bestFraction = Double.NEGATIVE_INFINITY;
        for (var r : results.entrySet()) {
            if (measured(r.getValue()) && r.getValue().get("targetFraction") instanceof Number f && f.doubleValue() > bestFraction) {
                bestFraction = f.doubleValue();
                bestIndex = r.getKey();
            }
        }
        if (bestIndex == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", bestIndex);
        m.put("targetFraction", bestFraction);
        return m;
    }

    /** The phases, the target's written as the plan writes it (as the report does). */
    private Object phasesAsPlanned(Object phases) {
        String target = target();
        if (!(phases instanceof List<?> list) || target == null) {
            return phases == null ? List.of() : phases;
        }
        return list.stream().map(p -> {
            if (p instanceof Map<?, ?> m && m.get("formula") != null) {
                Map<String, Object> copy = new LinkedHashMap<>();
                m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                copy.put("formula", org.athanor.agent.campaign.ReportPrinter.shown(String.valueOf(m.get("formula")), target));
                return copy;
            }
            return p;
        }).toList();
    }

    private static boolean measured(Map<String, Object> result) {
        return "approved".equals(result.get("verdict"));
    }

    private String target() {
        if (plan != null && plan.get("target") instanceof Map<?, ?> t && t.get("formula") != null) {
            return String.valueOf(t.get("formula"));
        }
        return null;
    }

    private static Optional<Integer> index(String experiment) {
        if (experiment == null || !experiment.matches("e\\d+")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(experiment.substring(1)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static Map<String, Object> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return null; // a plan the journal holds but cannot be read: the page shows the run without it
        }
    }

    /** Whether the event is a run-level pause or resume, or anything else that changes {@link #summary}. */
    static boolean changesSummary(EngineEvent e) {
        return e.type() == Type.DECISION || e.type() == Type.ANALYSIS
                || (e.experiment() == null && (e.type() == Type.RUN_PAUSED || e.type() == Type.RUN_RESUMED));
    }
}
