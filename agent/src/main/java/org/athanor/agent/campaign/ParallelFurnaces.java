package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.List;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.InstrumentKind;
import org.athanor.instruments.config.LabConfig;
import org.athanor.workflow.Workflow;

/**
 * The furnaces a campaign's experiments can heat in side by side: the plan's own furnace and every other furnace of
 * the same model with the same limits (temperature, ramp, gases), so any experiment the plan's furnace could run,
 * they can run too. A box-furnace plan in the default lab gets both box furnaces; a plan that needs the tube furnace
 * (gas, above 1200 °C, or asked for by the goal) gets the one tube. The gate still vets each experiment against the
 * limits of the furnace it was given.
 *
 * <p>Each experiment names its furnace in its workflow (the heat step's instrument and the transfers to and from it),
 * rather than leaving the engine to choose among equivalent furnaces: the journal, the gate and the simulated world
 * then all see the one furnace that heated the sample.
 */
record ParallelFurnaces(String planned, List<String> furnaces) {

    ParallelFurnaces {
        furnaces = List.copyOf(furnaces);
        if (furnaces.isEmpty() || !furnaces.get(0).equals(planned)) {
            throw new IllegalArgumentException("the plan's furnace " + planned + " must come first in " + furnaces);
        }
    }

    /** Only the plan's furnace: experiments one after another. */
    static ParallelFurnaces only(String planned) {
        return new ParallelFurnaces(planned, List.of(planned));
    }

    /** The plan's furnace first, then its equivalents in the lab's order. */
    static ParallelFurnaces of(LabConfig lab, String planned) {
        InstrumentConfig own = lab.instrument(planned)
                .orElseThrow(() -> new IllegalArgumentException("the plan heats in " + planned + ", which the lab does not have"));
        List<String> out = new ArrayList<>(List.of(planned));
        for (InstrumentConfig f : lab.ofKind(InstrumentKind.FURNACE)) {
            if (!f.id().equals(planned) && equivalent(own, f)) {
                out.add(f.id());
            }
        }
        return new ParallelFurnaces(planned, out);
    }

    private static boolean equivalent(InstrumentConfig a, InstrumentConfig b) {
        var la = a.limits();
        var lb = b.limits();
        return a.kind() == b.kind() && java.util.Objects.equals(a.model(), b.model())
                && java.util.Objects.equals(la.maxTemperatureC(), lb.maxTemperatureC())
                && java.util.Objects.equals(la.maxRampCPerMin(), lb.maxRampCPerMin())
                && java.util.Objects.equals(la.gases() == null ? null : java.util.Set.copyOf(la.gases()),
                        lb.gases() == null ? null : java.util.Set.copyOf(lb.gases()))
                && java.util.Objects.equals(la.maxH2Percent(), lb.maxH2Percent());
    }

    /** The furnace of the {@code position}-th experiment of a batch (round robin). */
    String forPosition(int position) {
        return furnaces.get(position % furnaces.size());
    }

    /**
     * The furnace of each experiment of a batch, given the furnace its design chose: one the design moved elsewhere (an
     * inert gas: the tube furnace) stays there; the others go round robin over these furnaces, but never to one an
     * earlier experiment of the batch already took while another of them is free.
     */
    List<String> forBatch(List<String> designed) {
        java.util.Map<String, Integer> load = new java.util.HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < designed.size(); i++) {
            String furnace = designed.get(i);
            if (furnace.equals(planned)) {
                furnace = forPosition(i);
                if (load.getOrDefault(furnace, 0) > 0) {
                    furnace = furnaces.stream().min(java.util.Comparator.comparingInt(f -> load.getOrDefault(f, 0))).orElseThrow();
                }
            }
            load.merge(furnace, 1, Integer::sum);
            out.add(furnace);
        }
        return out;
    }

    int size() {
        return furnaces.size();
    }

    /** The experiment's workflow with the plan's furnace replaced by {@code furnace}: heat steps and transfers. */
    Workflow assign(Workflow w, String furnace) {
        return w.withInstrumentReplaced(planned, furnace);
    }

    /** For the log: "batches of 2 (box-furnace-1, box-furnace-2)". */
    static String describe(int batch, ParallelFurnaces f) {
        List<String> used = f.furnaces.subList(0, Math.min(batch, f.furnaces.size()));
        String share = batch > f.furnaces.size() ? "; " + batch + " experiments share " + f.furnaces.size() + " furnace(s)" : "";
        return batch == 1 ? "one experiment at a time (" + f.planned + ")"
                : "batches of " + batch + " (" + String.join(", ", used) + share + ")";
    }
}
