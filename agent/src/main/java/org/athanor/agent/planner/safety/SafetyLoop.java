package org.athanor.agent.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.recipe.SynthesisPlan;
import org.athanor.units.Units;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Workflow;

/**
 * Puts every plan through the gate and, on rejection, revises it within the user's constraints and the lab's limits:
 * slower ramp, another furnace, another crucible (only when the user did not name one), lower temperature (only when the user did not set one), another
 * atmosphere (only when the user did not state one), more batches. Each round tries single revisions in a fixed order and
 * keeps the first that removes an error; it stops after {@link #MAX_ROUNDS} rounds or when nothing helps.
 */
public final class SafetyLoop {

    public static final int MAX_ROUNDS = 6;

    /** What the loop ended with: the last plan, its workflow, the gate's report and the revisions made. */
    public record Outcome(SynthesisPlan plan, Workflow workflow, GateReport report, List<String> revisions) {
    }

    private record Candidate(String description, SynthesisPlan plan, Workflow workflow, GateReport report) {
    }

    private final SafetyGate gate;
    private final LabProfile lab;

    public SafetyLoop(SafetyGate gate, LabProfile lab) {
        this.gate = gate;
        this.lab = lab;
    }

    public Outcome run(Understanding u, SynthesisPlan first, Function<SynthesisPlan, Workflow> assemble) {
        Workflow workflow = assemble.apply(first);
        Candidate current = new Candidate("initial plan", first, workflow, gate.vet(workflow));
        List<String> revisions = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS && !current.report().approved(); round++) {
            // First improvement: revisions are tried in order of how often they fix a plan (ramp, vessel, furnace,
            // atmosphere, temperature, batches), and the first that removes an error is kept. Vetting is the costly
            // part, so the loop does not vet every alternative when an early one already helps.
            Candidate best = null;
            for (var revision : revisions(u, current.plan())) {
                Workflow w = assemble.apply(revision.plan());
                Candidate c = new Candidate(revision.description(), revision.plan(), w, gate.vet(w));
                if (c.report().errors() < current.report().errors()) {
                    best = c;
                    break;
                }
            }
            if (best == null) {
                break;
            }
            revisions.add(best.description() + " (gate: " + String.join("; ", current.report().errorRules()) + ")");
            current = best;
        }
        if (current.report().approved() && current.report().warnings() > 0) {
            current = fewerWarnings(u, current, revisions, assemble);
        }
        return new Outcome(current.plan(), current.workflow(), current.report(), revisions);
    }

    /** Once approved, a crucible or furnace change that clears warnings without adding errors is taken. */
    private Candidate fewerWarnings(Understanding u, Candidate current, List<String> revisions, Function<SynthesisPlan, Workflow> assemble) {
        Candidate best = current;
        boolean aboutVessel = current.report().findings().stream().anyMatch(f -> !f.isError() && f.message() != null
                && f.message().toLowerCase(java.util.Locale.ROOT).contains(current.plan().crucible()));
        if (!aboutVessel) {
            return current;
        }
        for (var revision : revisions(u, current.plan())) {
            if (!revision.description().startsWith("crucible")) {
                continue;
            }
            Workflow w = assemble.apply(revision.plan());
            GateReport r = gate.vet(w);
            if (r.approved() && r.warnings() < best.report().warnings()) {
                best = new Candidate(revision.description(), revision.plan(), w, r);
            }
        }
        if (best != current) {
            revisions.add(best.description() + " (clears gate warnings)");
        }
        return best;
    }

    private record Revision(String description, SynthesisPlan plan) {
    }

    private List<Revision> revisions(Understanding u, SynthesisPlan p) {
        List<Revision> out = new ArrayList<>();
        var furnace = lab.furnace(p.furnace());
        double rampLimit = furnace.map(LabProfile.FurnaceSpec::maxRampCPerMin).orElse(p.rampCPerMin());
        if (u.maxRamp() != null) {
            rampLimit = Math.min(rampLimit, u.maxRamp().celsiusPerMinute());
        }
        if (p.rampCPerMin() > rampLimit) {
            out.add(new Revision("ramp lowered from " + Units.rounded(p.rampCPerMin(), 3) + " to " + Units.rounded(rampLimit, 3) + " °C/min", p.withRamp(rampLimit)));
        }
        for (LabProfile.FurnaceSpec f : lab.furnaces()) {
            boolean kindAllowed = u.furnaceKind() == null || u.furnaceKind().equals(f.kind());
            if (!f.id().equals(p.furnace()) && kindAllowed) {
                out.add(new Revision("furnace changed to " + f.id(), p.withFurnace(f.id()).withRamp(Math.min(p.rampCPerMin(), f.maxRampCPerMin()))));
            }
        }
        for (String c : lab.crucibles()) {
            if (!c.equals(p.crucible()) && u.crucible() == null) {
                out.add(new Revision("crucible changed to " + c, p.withCrucible(c)));
            }
        }
        if (u.fixedTemperature() == null) {
            Set<Double> limits = new java.util.TreeSet<>();
            furnace.ifPresent(f -> limits.add(f.maxCelsius()));
            lab.furnaces().forEach(f -> limits.add(f.maxCelsius()));
            for (double t : limits) {
                if (t < p.temperatureC()) {
                    out.add(new Revision("temperature lowered from " + Units.rounded(p.temperatureC(), 3) + " to " + Units.rounded(t, 3) + " °C", p.withTemperature(t)));
                }
            }
        }
        if (u.atmosphere() == null) {
            List<String> alternatives = p.atmosphere().isInert() ? List.of("Ar", "N2") : List.of("air", "O2");
            for (String gas : alternatives) {
                if (!gas.equals(p.atmosphere().gas())) {
                    out.add(new Revision("atmosphere changed to " + gas, p.withAtmosphere(Atmosphere.of(gas))));
                }
            }
        }
        if (p.batches() < SynthesisPlan.MAX_BATCHES) {
            out.add(new Revision("split into " + (p.batches() + 1) + " batches", p.withBatches(p.batches() + 1)));
        }
        return out;
    }
}
