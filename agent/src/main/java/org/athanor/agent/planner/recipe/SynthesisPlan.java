package org.athanor.agent.planner.recipe;

import java.util.List;
import java.util.Map;
import org.athanor.workflow.Atmosphere;

/**
 * The planner's choices for one goal before they become workflow steps: what to dispense per batch, where and how
 * to heat it, and which measurements follow. The safety loop revises this value, never the workflow directly.
 */
public record SynthesisPlan(
        String targetFormula,
        String targetName,
        Map<String, Double> composition,
        double productGramsPerBatch,
        List<Dose> doses,
        int batches,
        String furnace,
        String crucible,
        Atmosphere atmosphere,
        double temperatureC,
        double rampCPerMin,
        double holdH,
        boolean xrd,
        boolean raman,
        String profileSource) {

    /**
     * The most batches one goal is planned in. A plan's batches run one after another (the mill and the robot hold one
     * sample at a time, RULES.md §1), and each is a whole firing: at the heat-profile table's usual 800–1400 °C, a
     * 5 °C/min ramp each way and a 10–12 h hold, close to a day. Twenty batches are about three weeks of the lab for
     * one goal; a larger amount is a production run, better asked for in parts whose XRD can be read before the next
     * part is fired. The safety loop splits a plan no further; a goal asking for more is refused with this limit.
     */
    public static final int MAX_BATCHES = 20;

    public SynthesisPlan {
        composition = Map.copyOf(composition);
        doses = List.copyOf(doses);
    }

    public double powderGramsPerBatch() {
        return doses.stream().mapToDouble(Dose::grams).sum();
    }

    public SynthesisPlan withFurnace(String f) {
        return new SynthesisPlan(targetFormula, targetName, composition, productGramsPerBatch, doses, batches, f, crucible, atmosphere,
                temperatureC, rampCPerMin, holdH, xrd, raman, profileSource);
    }

    public SynthesisPlan withCrucible(String c) {
        return new SynthesisPlan(targetFormula, targetName, composition, productGramsPerBatch, doses, batches, furnace, c, atmosphere,
                temperatureC, rampCPerMin, holdH, xrd, raman, profileSource);
    }

    public SynthesisPlan withAtmosphere(Atmosphere a) {
        return new SynthesisPlan(targetFormula, targetName, composition, productGramsPerBatch, doses, batches, furnace, crucible, a,
                temperatureC, rampCPerMin, holdH, xrd, raman, profileSource);
    }

    public SynthesisPlan withTemperature(double t) {
        return new SynthesisPlan(targetFormula, targetName, composition, productGramsPerBatch, doses, batches, furnace, crucible, atmosphere,
                t, rampCPerMin, holdH, xrd, raman, profileSource);
    }

    public SynthesisPlan withRamp(double r) {
        return new SynthesisPlan(targetFormula, targetName, composition, productGramsPerBatch, doses, batches, furnace, crucible, atmosphere,
                temperatureC, r, holdH, xrd, raman, profileSource);
    }

    /** Splits the same total product over {@code n} batches; every dose scales by batches/n. */
    public SynthesisPlan withBatches(int n) {
        double k = (double) batches / n;
        List<Dose> scaled = doses.stream().map(d -> new Dose(d.material(), d.grams() * k)).toList();
        return new SynthesisPlan(targetFormula, targetName, composition, productGramsPerBatch * k, scaled, n, furnace, crucible, atmosphere,
                temperatureC, rampCPerMin, holdH, xrd, raman, profileSource);
    }
}
