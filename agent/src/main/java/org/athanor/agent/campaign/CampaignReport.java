package org.athanor.agent.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a campaign did, in the form {@code athanor demo --json} and {@code athanor run --json} print:
 * each experiment's parameters, verdict, phases found and target fraction, the decision taken, and why it stopped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignReport(
        String runId,
        String goal,
        TargetInfo target,
        List<Experiment> experiments,
        Best best,
        String stopReason,
        String stopExplanation,
        String labTime) {

    public record TargetInfo(String formula, Double targetPhaseFraction) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Experiment(
            int index,
            Map<String, Object> parameters,
            String verdict,
            List<Phase> phases,
            double targetFraction,
            Double rwp,
            String decision,
            String plot,
            List<String> notes,
            Recheck recheck) {

        /** An experiment whose analysis needed no follow-up. */
        public Experiment(int index, Map<String, Object> parameters, String verdict, List<Phase> phases, double targetFraction,
                          Double rwp, String decision, String plot, List<String> notes) {
            this(index, parameters, verdict, phases, targetFraction, rwp, decision, plot, notes, null);
        }

        /** The same experiment with {@code note} before its other notes. */
        public Experiment withFirstNote(String note) {
            List<String> all = new java.util.ArrayList<>();
            all.add(note);
            if (notes != null) {
                all.addAll(notes);
            }
            return new Experiment(index, parameters, verdict, phases, targetFraction, rwp, decision, plot, List.copyOf(all), recheck);
        }

        /** The same experiment with the loop's decision. */
        public Experiment withDecision(String newDecision) {
            return new Experiment(index, parameters, verdict, phases, targetFraction, rwp, newDecision, plot, notes, recheck);
        }
    }

    /**
     * A follow-up characterisation of an experiment's sample, run because its phase identification was weak: why, the
     * follow-up workflow and the gate's verdict on it, the re-scan's phases and Rwp (null when only a Raman spectrum was
     * taken), the phases Raman matched, what it found, the fraction XRD first gave and the fraction the optimiser
     * received instead ({@code targetFraction} of the experiment), and whether that value is still uncertain.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recheck(String reason, String workflow, String verdict, List<Phase> phases, Double rwp,
                          List<String> ramanPhases, String finding, double xrdFraction, double usedFraction, boolean uncertain) {
    }

    public record Phase(String formula, String id, double weightFraction, Double confidence) {
    }

    public record Best(int index, double targetFraction) {
    }

    /** Why a campaign stops; the JSON names are those of the report format. */
    public enum StopReason {
        TARGET_REACHED("target-reached"),
        BUDGET_EXHAUSTED("budget-exhausted"),
        NO_IMPROVEMENT("no-improvement"),
        ABORTED("aborted");

        private final String json;

        StopReason(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }
}
