package org.athanor.safety;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.athanor.safety.fact.CrucibleStatus;
import org.athanor.safety.fact.DispatchFact;
import org.athanor.safety.fact.InstrumentStatus;
import org.athanor.safety.lab.InstrumentReading;
import org.athanor.safety.lab.LiveState;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;

/** The facts of one dispatch: the step, the instruments it involves and their live readings. Decides nothing. */
final class DispatchFacts {

    private DispatchFacts() {
    }

    static List<Object> facts(String runId, Step step, boolean inWorkflow, LiveState live) {
        List<Object> facts = new ArrayList<>(8);
        String action = step.action() == null ? "unknown" : step.action().json();
        String loadsInto = null;
        if (step.action() == Action.HEAT) {
            loadsInto = step.instrument();
        } else if (step.action() == Action.TRANSFER) {
            loadsInto = step.text("to").filter(to -> live.lab().instrument(to).map(i -> i.isFurnace()).orElse(false)).orElse(null);
        }
        facts.add(new DispatchFact(runId, step.id(), action, step.instrument(), step.sample(), loadsInto, inWorkflow));
        Set<String> involved = new LinkedHashSet<>();
        if (step.instrument() != null) {
            involved.add(step.instrument());
        }
        if (loadsInto != null) {
            involved.add(loadsInto);
        }
        for (String id : involved) {
            live.lab().instrument(id).ifPresent(facts::add);
            InstrumentReading r = live.instruments().get(id);
            if (r != null) {
                double age = r.lastHeartbeat() == null ? Double.POSITIVE_INFINITY
                        : Duration.between(r.lastHeartbeat(), live.now()).toMillis() / 1000.0;
                facts.add(new InstrumentStatus(id, age, r.claimedBy(), r.doorClosed(), r.interlockClosed(), r.temperatureC()));
            }
        }
        if (step.sample() != null) {
            Double t = live.crucibleTemperaturesC().get(step.sample());
            if (t != null) {
                facts.add(new CrucibleStatus(step.sample(), t));
            }
        }
        return facts;
    }
}
