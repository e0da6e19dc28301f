package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.engine.Engine;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowJson;

/**
 * The campaign's own entries in the run's event stream: how it started (goal, settings, the approved plan), each
 * experiment's analysis, each decision, and how it stopped. They go to the same journal as the engine's events, so a
 * restarted process can rebuild the campaign from them.
 */
final class CampaignJournal {

    private static final String KIND = "kind";
    private static final String STARTED = "campaign-started";
    private static final String EXPERIMENT = "experiment";
    private static final String STOPPED = "campaign-stopped";
    private static final String RESUMED = "campaign-resumed";
    private static final String PROPOSED = "proposed";
    /** The verdict of an experiment a crash interrupted: no result, and nothing learnt from it. */
    static final String LOST = "lost";

    private final Engine engine;
    private final String runId;

    CampaignJournal(Engine engine, String runId) {
        this.engine = engine;
        this.runId = runId;
    }

    /** {@code notes}: what the user should know of the campaign before its first result (a dry run that cannot reach the target). */
    void started(CampaignRunner.Settings s, Workflow plan, boolean temperatureFixed, boolean holdFixed, ExperimentDesign design,
                 List<String> notes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(KIND, STARTED);
        d.put("goal", s.goal());
        d.put("seed", s.seed());
        d.put("strategy", s.strategy());
        d.put("budget", s.rules().budget());
        d.put("targetFraction", s.rules().targetFraction());
        d.put("patience", s.rules().patience());
        d.put("minImprovement", s.rules().minImprovement());
        if (s.pace() != null) {
            d.put("pace", s.pace());
        }
        if (s.batch() != null) {
            d.put("batch", s.batch());
        }
        d.put("temperatureFixed", temperatureFixed);
        d.put("holdFixed", holdFixed);
        d.put("plan", WorkflowJson.write(plan));
        d.put("design", designData(design));
        if (!notes.isEmpty()) {
            d.put("notes", List.copyOf(notes));
        }
        engine.record(runId, null, Type.DECISION, d);
    }

    /** Who took the interrupted run up again, when (wall clock) and why: the operator's request, in the journal. */
    void resumed(OperatorControl.Request asked) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(KIND, RESUMED);
        d.put("by", asked.by());
        d.put("reason", asked.reason());
        d.put("at", asked.at().toString());
        engine.record(runId, null, Type.DECISION, d);
    }

    void finished(CampaignReport.Experiment e) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(KIND, EXPERIMENT);
        a.put("index", e.index());
        a.put("parameters", e.parameters());
        a.put("verdict", e.verdict());
        a.put("phases", phases(e.phases()));
        a.put("targetFraction", e.targetFraction());
        if (e.rwp() != null) {
            a.put("rwp", e.rwp());
        }
        if (e.plot() != null) {
            a.put("plot", e.plot());
        }
        if (e.notes() != null) {
            a.put("notes", e.notes());
        }
        if (e.recheck() != null) {
            a.put("recheck", recheck(e.recheck()));
        }
        engine.record(runId, "e" + e.index(), Type.ANALYSIS, a);
        engine.record(runId, "e" + e.index(), Type.DECISION, Map.of(KIND, "next", "decision", String.valueOf(e.decision())));
    }

    private static List<Map<String, Object>> phases(List<CampaignReport.Phase> phases) {
        return phases.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("formula", p.formula());
            m.put("id", p.id());
            m.put("weightFraction", p.weightFraction());
            m.put("confidence", p.confidence());
            return m;
        }).toList();
    }

    private static Map<String, Object> recheck(CampaignReport.Recheck r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", r.reason());
        m.put("workflow", r.workflow());
        m.put("verdict", r.verdict());
        if (r.phases() != null) {
            m.put("phases", phases(r.phases()));
        }
        m.put("rwp", r.rwp());
        m.put("ramanPhases", r.ramanPhases());
        m.put("finding", r.finding());
        m.put("xrdFraction", r.xrdFraction());
        m.put("usedFraction", r.usedFraction());
        m.put("uncertain", r.uncertain());
        return m;
    }

    /**
     * An experiment that has started, with the parameters it was proposed with: should the process die before its
     * result is journaled, the report of the resumed campaign still says what was tried.
     */
    static void proposed(Engine engine, String runId, int index, Map<String, Object> parameters) {
        engine.record(runId, "e" + index, Type.DECISION, Map.of(KIND, PROPOSED, "index", index, "parameters", parameters));
    }

    void stopped(String reason, String explanation) {
        engine.record(runId, null, Type.DECISION, Map.of(KIND, STOPPED, "stopReason", reason, "explanation", String.valueOf(explanation)));
    }

    /** What a journal says of a campaign. */
    record Saved(String goal, long seed, String strategy, StopRules rules, Double pace, boolean temperatureFixed,
                 boolean holdFixed, Workflow plan, ExperimentDesign design, List<CampaignReport.Experiment> finished,
                 List<String> interrupted, String stop, Integer batch) {

        /** Whether the campaign ended ({@link #stop}: how, "aborted: aborted by the operator (...): reason"). */
        boolean stopped() {
            return stop != null;
        }
    }

    /** Whether the events hold a campaign that started and journaled no end. */
    static boolean startedAndNotStopped(List<EngineEvent> events) {
        boolean started = false;
        for (EngineEvent e : events) {
            if (e.type() == Type.DECISION && STOPPED.equals(e.text(KIND))) {
                return false;
            }
            started |= e.type() == Type.DECISION && STARTED.equals(e.text(KIND));
        }
        return started;
    }

    static Saved read(String runId, List<EngineEvent> events) {
        EngineEvent start = events.stream()
                .filter(e -> e.type() == Type.DECISION && STARTED.equals(e.text(KIND))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no campaign in its journal (was it started by 'athanor run' or 'athanor demo'?)"));
        Map<String, Object> d = start.data();
        StopRules rules = new StopRules(number(d, "budget").intValue(), number(d, "targetFraction").doubleValue(),
                number(d, "patience").intValue(), number(d, "minImprovement").doubleValue());
        Workflow plan = WorkflowJson.read(String.valueOf(d.get("plan")), "the journal of run " + runId);
        List<CampaignReport.Experiment> finished = new ArrayList<>();
        Set<String> analysed = new LinkedHashSet<>();
        Map<String, Map<String, Object>> proposals = new java.util.HashMap<>();
        String stop = null;
        for (EngineEvent e : events) {
            if (e.type() == Type.DECISION && PROPOSED.equals(e.text(KIND)) && e.data().get("parameters") instanceof Map<?, ?> p) {
                @SuppressWarnings("unchecked")
                Map<String, Object> parameters = (Map<String, Object>) p;
                proposals.put(e.experiment(), parameters);
            } else if (e.type() == Type.ANALYSIS && EXPERIMENT.equals(e.text(KIND))) {
                finished.add(experiment(e.data()));
                analysed.add(e.experiment());
            } else if (e.type() == Type.DECISION && e.experiment() != null && "next".equals(e.text(KIND)) && !finished.isEmpty()) {
                CampaignReport.Experiment last = finished.remove(finished.size() - 1);
                finished.add(last.withDecision(e.text("decision")));
            } else if (e.type() == Type.DECISION && STOPPED.equals(e.text(KIND))) {
                stop = e.text("stopReason") + ": " + e.text("explanation");
            }
        }
        List<String> interrupted = new ArrayList<>();
        for (EngineEvent e : events) {
            // A follow-up ("e3-recheck") belongs to its experiment: finished with it, or lost with it.
            if (e.type() == Type.RUN_STARTED && e.experiment() != null && !e.experiment().endsWith(CharacterisationCheck.SUFFIX)
                    && !analysed.contains(e.experiment()) && !interrupted.contains(e.experiment())) {
                interrupted.add(e.experiment());
            }
        }
        // An experiment under way when the process died: its sample was in the simulated lab, which died too.
        for (String lost : interrupted) {
            int index = Integer.parseInt(lost.substring(1));
            finished.add(new CampaignReport.Experiment(index, proposals.getOrDefault(lost, Map.of()), LOST, List.of(), 0, null,
                    "continue: run the campaign on", null, List.of("interrupted by a restart; its sample was lost with the simulated lab")));
        }
        finished.sort(java.util.Comparator.comparingInt(CampaignReport.Experiment::index));
        Double pace = d.get("pace") instanceof Number n ? n.doubleValue() : null;
        return new Saved(String.valueOf(d.get("goal")), number(d, "seed").longValue(), String.valueOf(d.get("strategy")), rules, pace,
                Boolean.TRUE.equals(d.get("temperatureFixed")), Boolean.TRUE.equals(d.get("holdFixed")), plan,
                d.get("design") instanceof Map<?, ?> m ? design(m) : null, finished, interrupted, stop,
                d.get("batch") instanceof Number b ? b.intValue() : null);
    }

    @SuppressWarnings("unchecked")
    private static CampaignReport.Experiment experiment(Map<String, Object> d) {
        return new CampaignReport.Experiment(number(d, "index").intValue(), (Map<String, Object>) d.getOrDefault("parameters", Map.of()),
                String.valueOf(d.get("verdict")), phases(d.get("phases")), number(d, "targetFraction").doubleValue(),
                d.get("rwp") instanceof Number r ? r.doubleValue() : null, null,
                d.get("plot") == null ? null : String.valueOf(d.get("plot")), (List<String>) d.get("notes"),
                d.get("recheck") instanceof Map<?, ?> r ? recheck((Map<String, Object>) r) : null);
    }

    @SuppressWarnings("unchecked")
    private static List<CampaignReport.Phase> phases(Object raw) {
        List<CampaignReport.Phase> phases = new ArrayList<>();
        for (Object o : raw instanceof List<?> l ? l : List.of()) {
            Map<String, Object> m = (Map<String, Object>) o;
            phases.add(new CampaignReport.Phase(String.valueOf(m.get("formula")), String.valueOf(m.get("id")),
                    number(m, "weightFraction").doubleValue(), m.get("confidence") instanceof Number c ? c.doubleValue() : null));
        }
        return phases;
    }

    @SuppressWarnings("unchecked")
    private static CampaignReport.Recheck recheck(Map<String, Object> r) {
        return new CampaignReport.Recheck(String.valueOf(r.get("reason")), r.get("workflow") == null ? null : String.valueOf(r.get("workflow")),
                String.valueOf(r.get("verdict")), r.get("phases") == null ? null : phases(r.get("phases")),
                r.get("rwp") instanceof Number n ? n.doubleValue() : null, (List<String>) r.get("ramanPhases"),
                String.valueOf(r.get("finding")), number(r, "xrdFraction").doubleValue(), number(r, "usedFraction").doubleValue(),
                Boolean.TRUE.equals(r.get("uncertain")));
    }

    /** The search box as journal data (plain maps, lists, numbers and strings). */
    static Map<String, Object> designData(ExperimentDesign d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("temperatureC", List.of(d.temperatureC().min(), d.temperatureC().max()));
        m.put("holdH", List.of(d.holdH().min(), d.holdH().max()));
        m.put("rampCPerMin", List.of(d.ramp().min(), d.ramp().max()));
        m.put("excessPercent", List.of(d.excessPercent().min(), d.excessPercent().max()));
        if (d.excessElement() != null) {
            m.put("excessElement", d.excessElement());
        }
        m.put("atmospheres", d.atmospheres());
        m.put("precursors", d.precursors());
        m.put("furnaces", d.furnaces().stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("id", f.id());
            fm.put("maxC", f.maxC());
            fm.put("maxRampCPerMin", f.maxRampCPerMin());
            fm.put("gases", f.gases());
            return fm;
        }).toList());
        return m;
    }

    @SuppressWarnings("unchecked")
    static ExperimentDesign design(Map<?, ?> m) {
        Map<String, List<String>> precursors = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("precursors")).forEach((e, l) -> precursors.put(e, strings(l)));
        List<ExperimentDesign.Furnace> furnaces = new ArrayList<>();
        for (Object o : (List<Object>) m.get("furnaces")) {
            Map<String, Object> f = (Map<String, Object>) o;
            furnaces.add(new ExperimentDesign.Furnace(String.valueOf(f.get("id")), number(f, "maxC").doubleValue(),
                    number(f, "maxRampCPerMin").doubleValue(), strings(f.get("gases"))));
        }
        return new ExperimentDesign(range(m, "temperatureC"), range(m, "holdH"), range(m, "rampCPerMin"), range(m, "excessPercent"),
                m.get("excessElement") == null ? null : String.valueOf(m.get("excessElement")), strings(m.get("atmospheres")),
                precursors, furnaces);
    }

    private static ExperimentDesign.Range range(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Number lo) || !(l.get(1) instanceof Number hi)) {
            throw new IllegalArgumentException("the campaign's journal entry has no valid design range '" + key + "'");
        }
        return new ExperimentDesign.Range(lo.doubleValue(), hi.doubleValue());
    }

    private static List<String> strings(Object o) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("the campaign's journal entry has a malformed design: expected a list, found " + o);
        }
        return l.stream().map(String::valueOf).toList();
    }

    private static Number number(Map<String, Object> d, String key) {
        Object v = d.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("the campaign's journal entry lacks '" + key + "'");
        }
        return n;
    }
}
