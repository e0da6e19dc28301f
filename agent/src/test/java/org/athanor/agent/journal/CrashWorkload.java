package org.athanor.agent.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.Engine;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.RunHandle;
import org.athanor.engine.RunRequest;
import org.athanor.engine.RunState;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;

/**
 * A child-process workload for the crash-recovery test: {@code start DB INSTRUMENTS} runs a run of several experiments
 * (to be killed with -9 part-way); {@code resume DB INSTRUMENTS} recovers it from the journal and finishes it, deciding
 * to abandon any sample whose heating was cut off.
 */
public final class CrashWorkload {

    static final String RUN = "crash-run";
    static final int EXPERIMENTS = 6;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path db = Path.of(args[1]);
        Path instruments = Path.of(args[2]);
        // 4 lab hours per wall second: the whole run takes a few seconds of wall time.
        ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 4 * 3600);
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(db));
             Engine engine = Engine.builder().clock(clock).journal(journal)
                     .handler(new FileInstrument(Action.DISPENSE, Duration.ofMinutes(20), instruments))
                     .handler(new FileInstrument(Action.HEAT, Duration.ofHours(3), instruments))
                     .handler(new FileInstrument(Action.XRD, Duration.ofMinutes(40), instruments))
                     .slots("box-furnace-1", 2).slots("box-furnace-2", 2)
                     .build()) {
            List<RunHandle> handles = new ArrayList<>();
            if (mode.equals("start")) {
                for (int i = 1; i <= EXPERIMENTS; i++) {
                    handles.add(engine.submit(new RunRequest(RUN, String.valueOf(i), workflow(i), true)));
                }
            } else {
                engine.addListener(e -> {
                    if (e.type() == EngineEvent.Type.SAMPLE_MARKED && String.valueOf(e.text("reason")).startsWith("heating interrupted")) {
                        // the campaign's decision for a sample whose program was cut off: give it up, go on with the rest
                        engine.abandonSample(e.runId(), e.experiment(), e.text("sample"), "campaign: heating was interrupted by a crash");
                        engine.resume(e.runId());
                    }
                });
                RunState state = journal.state(RUN);
                for (int i = 1; i <= EXPERIMENTS; i++) {
                    RunState.Experiment past = state.experiments().get(String.valueOf(i));
                    if (past == null) {
                        handles.add(engine.submit(new RunRequest(RUN, String.valueOf(i), workflow(i), true)));
                    } else if (!past.finished()) {
                        handles.add(engine.recover(new RunRequest(RUN, past.experiment(), past.workflow().orElseThrow(), true), past,
                                FileInstrument.reconciler(instruments)));
                    }
                }
            }
            System.out.println("SUBMITTED " + handles.size());
            for (RunHandle h : handles) {
                h.outcome().get(120, TimeUnit.SECONDS);
            }
            System.out.println("DONE");
        }
    }

    static Workflow workflow(int i) {
        String sample = "S" + i;
        double temperature = i % 2 == 0 ? 1000 : 1100;
        String furnace = i % 4 < 2 ? "box-furnace-1" : "box-furnace-2";
        List<Step> steps = List.of(
                new Step("dispense", Action.DISPENSE, "dispenser-1", sample, null,
                        Map.of("material", "BaCO3", "mass", Map.of("value", 1.2, "unit", "g"))),
                new Step("heat", Action.HEAT, furnace, sample, null, Map.of()).withParam("profile", List.of(HeatSegment.celsius(temperature, 5, 2)))
                        .withParam("atmosphere", Atmosphere.AIR).withParam("crucible", "alumina"),
                new Step("xrd", Action.XRD, "xrd-1", sample, null, Map.of())
                        .withParam("twoThetaStart", Quantity.of(10, "°")).withParam("twoThetaEnd", Quantity.of(80, "°")));
        return new Workflow("crash-" + i, "crash test", new Target("BaTiO3", null, null, null), null, steps);
    }
}
